namespace ExchangeHub.Policy.Rates;

public enum RateCheckStatus
{
    Ok,

    /// <summary>The server raises the reconciliation exception CONTRIBUTION_RATE_MISMATCH.</summary>
    Mismatch,

    /// <summary>No rate in force for the line's period (after 2025-12-31 the notice sets none).</summary>
    Undetermined,
}

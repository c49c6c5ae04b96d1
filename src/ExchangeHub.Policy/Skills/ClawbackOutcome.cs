namespace ExchangeHub.Policy.Skills;

public enum ClawbackOutcome
{
    /// <summary>Not both subsidies paid for the certificate: nothing to recover.</summary>
    None,

    /// <summary>Recover <see cref="ClawbackDecision.Recover"/>, the payment made later (SUBSIDY_CLAWBACK).</summary>
    Recover,

    /// <summary>Both paid the same day and the hub's record time of one is not given: that time is the missing fact.</summary>
    Undetermined,
}

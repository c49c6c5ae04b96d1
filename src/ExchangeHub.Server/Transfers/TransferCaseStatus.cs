namespace ExchangeHub.Server.Transfers;

/// <summary>Where a transfer case stands (2.(4)); it only moves forward (<see cref="TransferTransitions"/>).</summary>
public enum TransferCaseStatus
{
    /// <summary>A transfer-out the hub requested, not yet sent.</summary>
    Requested,

    /// <summary>An incoming request the operator accepted.</summary>
    Accepted,

    /// <summary>Sent to the counterpart (reported by the national system).</summary>
    Sent,

    /// <summary>Received by the counterpart.</summary>
    Received,

    /// <summary>Done: final. A completed transfer-in recalculates the person's running benefits.</summary>
    Completed,

    /// <summary>Refused with a concrete reason code: final.</summary>
    Refused,
}

namespace ExchangeHub.Server.Transfers;

/// <summary>What a status report does to a case (<see cref="TransferTransitions.Apply"/>).</summary>
public enum TransferChange
{
    /// <summary>The case already has this status and reason code: nothing to store, nothing to publish.</summary>
    None,

    /// <summary>The status moves forward: stored with a <c>TransferStatusChanged</c> event.</summary>
    Forward,

    /// <summary>Backwards, sideways or out of a final status: refused.</summary>
    NotAllowed,
}

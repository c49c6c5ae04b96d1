namespace ExchangeHub.Server.Transfers;

/// <summary>
/// The transfer state machine (2.(4)), without I/O: a status only moves forward — REQUESTED (a transfer-out) or
/// ACCEPTED (a transfer-in), then SENT, RECEIVED, then COMPLETED or REFUSED, both final; a step may skip ahead.
/// </summary>
public static class TransferTransitions
{
    /// <summary>What reporting <paramref name="next"/> (with <paramref name="reasonCode"/>) does to <paramref name="current"/>.</summary>
    public static TransferChange Apply(StoredTransfer current, TransferCaseStatus next, string? reasonCode) =>
        current.Status == next && current.ReasonCode == reasonCode ? TransferChange.None
        : MayFollow(current.Status, next) ? TransferChange.Forward
        : TransferChange.NotAllowed;

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="current"/>: forward only.</summary>
    public static bool MayFollow(TransferCaseStatus current, TransferCaseStatus next) => Rank(next) > Rank(current);

    /// <summary>COMPLETED and REFUSED: nothing follows.</summary>
    public static bool IsFinal(TransferCaseStatus status) => Rank(status) == Rank(TransferCaseStatus.Completed);

    /// <summary>The operator's decision on an incoming request: REFUSED with a reason code, ACCEPTED without.</summary>
    public static TransferCaseStatus Decision(string? reasonCode) => reasonCode is null ? TransferCaseStatus.Accepted : TransferCaseStatus.Refused;

    /// <summary>
    /// The status the hub itself gave a case (what <c>WatchTransferUpdates</c> reports): a transfer-out REQUESTED, an
    /// incoming request its decision — whatever the national system reported since.
    /// </summary>
    public static TransferCaseStatus HubStatus(TransferCaseDirection direction, string? reasonCode) =>
        direction == TransferCaseDirection.Out ? TransferCaseStatus.Requested : Decision(reasonCode);

    /// <summary>A change to <paramref name="next"/> recalculates the person's running benefits: a transfer-in completed.</summary>
    public static bool RecalculatesBenefits(TransferCaseDirection direction, TransferCaseStatus next) =>
        direction == TransferCaseDirection.In && next == TransferCaseStatus.Completed;

    private static int Rank(TransferCaseStatus status) => status switch
    {
        TransferCaseStatus.Requested or TransferCaseStatus.Accepted => 0,
        TransferCaseStatus.Sent => 1,
        TransferCaseStatus.Received => 2,
        TransferCaseStatus.Completed or TransferCaseStatus.Refused => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a transfer status"),
    };
}

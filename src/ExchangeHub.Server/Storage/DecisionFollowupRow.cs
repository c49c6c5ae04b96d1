namespace ExchangeHub.Server.Storage;

/// <summary>
/// A subject to re-decide because a feed batch changed its facts after it was decided (table
/// <c>decision_followups</c>, Common/Followups): written in the batch's own transaction, so a mark acknowledged to the
/// agency is never lost, and deleted only in the transaction that stores the re-decision.
/// </summary>
public sealed class DecisionFollowupRow
{
    /// <summary>The programme that re-decides the subject (<c>REFUND</c>).</summary>
    public string Programme { get; set; } = "";
    /// <summary>The subject's key in that programme (a unit's USCC).</summary>
    public string Subject { get; set; } = "";
    /// <summary>When the subject is to be re-decided: the last marking batch's time plus <c>Hub:Decisions:FollowDelay</c>.</summary>
    public long DueUnixMs { get; set; }
    /// <summary>When the first batch since the last re-decision marked it (how long the subject has waited).</summary>
    public long FirstMarkedUnixMs { get; set; }
}

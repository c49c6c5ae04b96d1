namespace ExchangeHub.Server.Refunds;

/// <summary>
/// A stored refund decision and its replay at the same D and T ("FACTS"); <see cref="Difference"/> is empty when the
/// replay is identical (<see cref="Common.ReplayDifferences"/>).
/// </summary>
public sealed record ReplayedDecision(
    long DecisionId,
    string Uscc,
    int ProgramYear,
    DateOnly DecisionDate,
    long KnowledgeTimeUnixMs,
    string StoredFactsSha256,
    string ReplayedFactsSha256,
    string StoredPolicy,
    string ReplayedPolicy,
    string StoredOutcome,
    string ReplayedOutcome,
    long StoredAmountFen,
    long ReplayedAmountFen,
    string Difference)
{
    public bool Identical => Difference.Length == 0;
}

using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// A stored refund decision and its replay at the same D and T ("FACTS"); <see cref="Difference"/> is empty when the
/// replay is identical (<see cref="Common.ReplayDifferences"/>). <see cref="PolicyId"/> is the loaded policy file's.
/// </summary>
public sealed record ReplayedDecision(
    long DecisionId,
    string Uscc,
    int ProgramYear,
    DateOnly DecisionDate,
    long KnowledgeTimeUnixMs,
    string PolicyId,
    ReplayDifferences.Side Stored,
    ReplayDifferences.Side Replayed,
    string Difference)
{
    public bool Identical => Difference.Length == 0;
}

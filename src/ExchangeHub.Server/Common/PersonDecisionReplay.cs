using ExchangeHub.V1;

namespace ExchangeHub.Server.Common;

/// <summary>
/// A stored decision of a person programme and its replay at the same D and T ("FACTS"), as the skills', benefits'
/// and transfers' replays give it; <see cref="Difference"/> (<see cref="ReplayDifferences"/>) is empty when identical.
/// <see cref="PolicyId"/> is the loaded policy file's (the replay's).
/// </summary>
public sealed record PersonDecisionReplay(
    ReplayProgramme Programme,
    string PolicyId,
    long DecisionId,
    string Reference,
    string PersonKey,
    DateOnly DecisionDate,
    long? KnowledgeTimeUnixMs,
    ReplayDifferences.Side Stored,
    ReplayDifferences.Side Replayed,
    string AmountUnit,
    string Difference)
{
    public const string Fen = "fen", Months = "months";

    public bool Identical => Difference.Length == 0;

    /// <summary>The replay with its first difference; a benefit's amount (months) is named max_months, any other amount_fen.</summary>
    public static PersonDecisionReplay Of(ReplayProgramme programme, string policyId, long decisionId, string reference, string personKey,
        DateOnly decisionDate, long? knowledgeTimeUnixMs, ReplayDifferences.Side stored, ReplayDifferences.Side replayed, string amountUnit) =>
        new(programme, policyId, decisionId, reference, personKey, decisionDate, knowledgeTimeUnixMs, stored, replayed, amountUnit,
            ReplayDifferences.First(stored, replayed, amountField: amountUnit == Months ? "max_months" : "amount_fen"));

    /// <summary>The contract's <see cref="DecisionReplay"/>.</summary>
    public DecisionReplay ToContract()
    {
        var replay = DecisionReplays.Of(Programme, PolicyId, Stored, Replayed, Difference, DecisionDate, KnowledgeTimeUnixMs);
        replay.DecisionId = DecisionId;
        replay.Reference = Reference;
        replay.PersonKey = PersonKey;
        replay.AmountUnit = AmountUnit;
        return replay;
    }
}

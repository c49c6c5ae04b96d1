using System.Globalization;
using ExchangeHub.V1;
using Google.Protobuf.WellKnownTypes;

namespace ExchangeHub.Server.Common;

/// <summary>
/// A stored decision of a person programme and its replay at the same D and T ("FACTS"), as the skills', benefits'
/// and transfers' replays give it; <see cref="Difference"/> (<see cref="ReplayDifferences"/>) is empty when identical.
/// </summary>
public sealed record PersonDecisionReplay(
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
    public static PersonDecisionReplay Of(long decisionId, string reference, string personKey, DateOnly decisionDate, long? knowledgeTimeUnixMs,
        ReplayDifferences.Side stored, ReplayDifferences.Side replayed, string amountUnit) =>
        new(decisionId, reference, personKey, decisionDate, knowledgeTimeUnixMs, stored, replayed, amountUnit,
            ReplayDifferences.First(stored, replayed, amountField: amountUnit == Months ? "max_months" : "amount_fen"));

    /// <summary>The contract's <see cref="DecisionReplay"/>.</summary>
    public DecisionReplay ToContract()
    {
        var replay = new DecisionReplay
        {
            Identical = Identical, Difference = Difference, DecisionId = DecisionId, Reference = Reference, PersonKey = PersonKey,
            DecisionDate = DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StoredFactsSha256 = Stored.FactsSha256, ReplayedFactsSha256 = Replayed.FactsSha256, StoredPolicy = Stored.Policy,
            ReplayedPolicy = Replayed.Policy, StoredOutcome = Stored.Outcome, ReplayedOutcome = Replayed.Outcome, StoredAmount = Stored.Amount,
            ReplayedAmount = Replayed.Amount, AmountUnit = AmountUnit,
        };
        if (KnowledgeTimeUnixMs is { } t)
        {
            replay.KnowledgeTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(t));
        }
        return replay;
    }
}

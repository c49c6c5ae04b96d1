using System.Text.Json;
using ExchangeHub.Contracts;
using ExchangeHub.Policy.Explanations;
using ExchangeHub.Server.Outbox;

namespace ExchangeHub.Server.Common;

/// <summary>
/// The explanation column of the decision tables: the rules as the events publish them (<see cref="RuleOutcome"/>s in
/// the events' JSON), written with a decision and read back as records. The contract's form of them is
/// <see cref="StoredExplanation"/>'s.
/// </summary>
public static class ExplanationJson
{
    public static string Write(Explanation explanation) => JsonSerializer.Serialize(RuleOutcomes.Of(explanation), EventTypes.Json);

    public static IReadOnlyList<RuleOutcome> Read(string json) => JsonSerializer.Deserialize<List<RuleOutcome>>(json, EventTypes.Json) ?? [];
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// The first difference between a stored refund decision and its replay, in the order a reader asks: was it the same
/// policy file, the same facts, the same outcome, the same amount, the same explanation. Pure, so it is tested alone.
/// </summary>
public static class ReplayDifferences
{
    /// <summary>One side of the comparison: the policy stamp, the facts JSON and SHA-256, the outcome, amount and explanation JSON.</summary>
    public sealed record Side(string Policy, string Facts, string FactsSha256, string Outcome, long AmountFen, string Explanation);

    public static string First(Side stored, Side replayed)
    {
        if (stored.Policy != replayed.Policy)
        {
            // The hub holds one policy file: a decision taken under another one is replayed under the loaded one.
            return $"policy: {stored.Policy} → {replayed.Policy}";
        }
        if (stored.FactsSha256 != replayed.FactsSha256)
        {
            var described = RefundFactsJson.Describe(stored.Facts, replayed.Facts);
            return "facts: " + (described.Length > 0 ? described : $"SHA-256 {stored.FactsSha256} → {replayed.FactsSha256}");
        }
        if (stored.Outcome != replayed.Outcome)
        {
            return $"outcome: {stored.Outcome} → {replayed.Outcome}";
        }
        if (stored.AmountFen != replayed.AmountFen)
        {
            return string.Create(CultureInfo.InvariantCulture, $"amount_fen: {stored.AmountFen} → {replayed.AmountFen}");
        }
        return Explanation(stored.Explanation, replayed.Explanation);
    }

    /// <summary>E.g. "explanation: rule REFUND_LAYOFF reasonCode: REFUND_LAYOFF_RATE_WITHIN_TARGET → REFUND_LAYOFF_RATE_ABOVE_TARGET".</summary>
    private static string Explanation(string stored, string replayed)
    {
        var before = JsonNode.Parse(stored)!.AsArray();
        var after = JsonNode.Parse(replayed)!.AsArray();
        for (var i = 0; i < Math.Min(before.Count, after.Count); i++)
        {
            var (old, now) = (before[i]!.AsObject(), after[i]!.AsObject());
            if (JsonNode.DeepEquals(old, now))
            {
                continue;
            }
            var rule = Text(old["ruleId"]);
            var (newRule, field) = (Text(now["ruleId"]), old.Select(p => p.Key).Union(now.Select(p => p.Key))
                .First(key => !JsonNode.DeepEquals(old[key], now[key])));
            return rule != newRule
                ? $"explanation: rule {rule} → rule {newRule}"
                : $"explanation: rule {rule} {field}: {Text(old[field])} → {Text(now[field])}";
        }
        return before.Count == after.Count
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"explanation: {before.Count} rules → {after.Count} rules");
    }

    private static string Text(JsonNode? node) => node?.ToJsonString().Trim('"') ?? "null";
}

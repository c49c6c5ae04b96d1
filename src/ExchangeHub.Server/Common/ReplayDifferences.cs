using System.Globalization;
using System.Text.Json.Nodes;

namespace ExchangeHub.Server.Common;

/// <summary>
/// The first difference between a stored decision and its replay ("FACTS", 3.(4)), in the order a reader asks: was it
/// the same policy file, the same facts, the same outcome, the same amount, the same explanation. Every programme's
/// replay compares through here; pure, so it is tested alone.
/// </summary>
public static class ReplayDifferences
{
    /// <summary>
    /// One side of the comparison: the policy stamp, the facts JSON and SHA-256, the outcome, the amount (in fen, or a
    /// benefit's months) and the explanation JSON (an array of rule outcomes).
    /// </summary>
    public sealed record Side(string Policy, string Facts, string FactsSha256, string Outcome, long Amount, string Explanation);

    /// <summary>
    /// The first difference, empty when there is none. <paramref name="describeFacts"/> names what changed between two
    /// facts versions (a programme's own account, e.g. the refunds' months; by default <see cref="DescribeMembers"/>);
    /// <paramref name="amountField"/> names the amount as the contract does.
    /// </summary>
    public static string First(Side stored, Side replayed, Func<string, string, string>? describeFacts = null, string amountField = "amount_fen")
    {
        if (stored.Policy != replayed.Policy)
        {
            // The hub holds one policy file: a decision taken under another one is replayed under the loaded one.
            return $"policy: {stored.Policy} → {replayed.Policy}";
        }
        if (stored.FactsSha256 != replayed.FactsSha256)
        {
            var described = (describeFacts ?? DescribeMembers)(stored.Facts, replayed.Facts);
            return "facts: " + (described.Length > 0 ? described : $"SHA-256 {stored.FactsSha256} → {replayed.FactsSha256}");
        }
        if (stored.Outcome != replayed.Outcome)
        {
            return $"outcome: {stored.Outcome} → {replayed.Outcome}";
        }
        if (stored.Amount != replayed.Amount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{amountField}: {stored.Amount} → {replayed.Amount}");
        }
        return Explanation(stored.Explanation, replayed.Explanation);
    }

    /// <summary>
    /// The top-level members of two facts objects that differ, e.g. "InsuredMonths: -2023-05; ReceivingBenefitOnIssueDate:
    /// null → false": a list of strings (months) by what left and what came, any other member by its old and new value.
    /// </summary>
    public static string DescribeMembers(string previous, string current)
    {
        var before = JsonNode.Parse(previous)!.AsObject();
        var after = JsonNode.Parse(current)!.AsObject();
        var changes = new List<string>();
        foreach (var name in before.Select(p => p.Key).Union(after.Select(p => p.Key)))
        {
            var (old, now) = (before[name], after[name]);
            if (JsonNode.DeepEquals(old, now))
            {
                continue;
            }
            changes.Add(old is JsonArray a && now is JsonArray b && a.Concat(b).All(e => e is JsonValue)
                ? $"{name}: {string.Join(", ", Strings(a).Except(Strings(b)).Select(e => "-" + e).Concat(Strings(b).Except(Strings(a)).Select(e => "+" + e)))}"
                : $"{name}: {Text(old)} → {Text(now)}");
        }
        return string.Join("; ", changes);
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

    private static IEnumerable<string> Strings(JsonArray array) => array.Select(Text);

    private static string Text(JsonNode? node) => node?.ToJsonString().Trim('"') ?? "null";
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// The canonical JSON of a unit's facts (stored with each decision: the facts version) and a readable account of what
/// changed between two versions — the "why" of a superseding decision.
/// </summary>
public static class RefundFactsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>
    /// The "FACTS" members (no unit record, conflicting sources) are written only when set, so the facts version of a
    /// unit with one agreed record is the text it always was and a re-run on unchanged facts changes nothing.
    /// </summary>
    public static string Serialize(RefundFacts facts)
    {
        var json = JsonSerializer.SerializeToNode(Core(facts), Options)!.AsObject();
        if (!facts.HasUnitRecord)
        {
            json["HasUnitRecord"] = false;
        }
        if (facts.SourceConflicts is { Count: > 0 } conflicts)
        {
            json["SourceConflicts"] = JsonSerializer.SerializeToNode(conflicts, Options);
        }
        return json.ToJsonString(Options);
    }

    private static object Core(RefundFacts facts) => new
    {
        facts.Uscc,
        facts.OrganisationType,
        facts.RegistrationStatus,
        facts.IsLabourDispatch,
        facts.SizeClass,
        facts.SizeClassSource,
        Months = facts.Months.Select(m => new { Period = m.Period.ToString(), m.InsuredHeadcount, m.Settlement, m.PremiumsReceived }),
        Contributions = facts.Contributions,
    };

    /// <summary>E.g. "Months[2023-05].Settlement: Deferred → Settled; SizeClassSource: Provisional → Official".</summary>
    public static string Describe(string previous, string current)
    {
        var before = JsonNode.Parse(previous)!.AsObject();
        var after = JsonNode.Parse(current)!.AsObject();
        var changes = new List<string>();
        foreach (var (name, value) in after)
        {
            if (name == "Months")
            {
                DescribeMonths(before[name]?.AsArray(), value!.AsArray(), changes);
            }
            else if (!JsonNode.DeepEquals(before[name], value))
            {
                changes.Add(name == "Contributions" ? "Contributions: amounts changed" : $"{name}: {Text(before[name])} → {Text(value)}");
            }
        }
        return changes.Count == 0 ? "" : string.Join("; ", changes.Take(12)) + (changes.Count > 12 ? $"; and {changes.Count - 12} more" : "");
    }

    private static void DescribeMonths(JsonArray? before, JsonArray after, List<string> changes)
    {
        var old = (before ?? []).ToDictionary(m => (string)m!["Period"]!, m => m!.AsObject());
        foreach (var month in after.Select(m => m!.AsObject()))
        {
            var period = (string)month["Period"]!;
            if (!old.Remove(period, out var previous))
            {
                changes.Add($"Months[{period}]: new");
                continue;
            }
            foreach (var (field, value) in month)
            {
                if (!JsonNode.DeepEquals(previous[field], value))
                {
                    changes.Add($"Months[{period}].{field}: {Text(previous[field])} → {Text(value)}");
                }
            }
        }
        changes.AddRange(old.Keys.Select(period => $"Months[{period}]: gone"));
    }

    private static string Text(JsonNode? node) => node?.ToJsonString().Trim('"') ?? "null";
}

using System.Globalization;
using System.Text.Json;
using ExchangeHub.Contracts;
using ExchangeHub.Server.Outbox;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Common;

/// <summary>
/// Turns what decision tables store back into the contract: the explanation JSON (the rules as published in events)
/// into <see cref="RuleResult"/>s, and Unix-millisecond timestamps into ISO-8601 UTC text. One place for every
/// program's queries (refunds, skill subsidies, benefits).
/// </summary>
public static class StoredExplanation
{
    public static IEnumerable<RuleResult> Rules(string json)
    {
        foreach (var rule in JsonSerializer.Deserialize<List<RuleOutcome>>(json, EventTypes.Json) ?? [])
        {
            var result = new RuleResult
            {
                RuleId = rule.RuleId, ClauseId = rule.ClauseId, ReasonCode = rule.ReasonCode, Message = rule.Message,
                Result = rule.Passed switch { true => "PASSED", false => "FAILED", null => "UNDETERMINED" },
            };
            result.Inputs.Add(rule.Inputs.ToDictionary());
            result.Parameters.Add(rule.Parameters.ToDictionary());
            yield return result;
        }
    }

    public static string Iso(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

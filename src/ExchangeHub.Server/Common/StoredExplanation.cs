using System.Globalization;
using ExchangeHub.Contracts;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Common;

/// <summary>
/// Puts what decision tables store into the contract: the stored rules (read by <see cref="ExplanationJson"/>) as
/// <see cref="RuleResult"/>s, and Unix-millisecond timestamps as ISO-8601 UTC text. One place for every programme's
/// mapping (refunds, skill subsidies, benefits).
/// </summary>
public static class StoredExplanation
{
    public static IEnumerable<RuleResult> Rules(string json) => Rules(ExplanationJson.Read(json));

    public static IEnumerable<RuleResult> Rules(IEnumerable<RuleOutcome> rules)
    {
        foreach (var rule in rules)
        {
            var result = new RuleResult
            {
                RuleId = rule.RuleId, ClauseId = rule.ClauseId, ReasonCode = rule.ReasonCode, Message = rule.Message,
                Result = rule.Result,
            };
            result.Inputs.Add(rule.Inputs.ToDictionary());
            result.Parameters.Add(rule.Parameters.ToDictionary());
            yield return result;
        }
    }

    public static string Iso(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using ExchangeHub.Contracts;
using ExchangeHub.V1;
using Google.Protobuf.WellKnownTypes;

namespace ExchangeHub.Server.Common;

/// <summary>
/// Puts what decision tables store into the contract: the stored rules (read by <see cref="ExplanationJson"/>) as
/// <see cref="RuleResult"/>s (a rule's tri-state as <see cref="RuleEvaluation"/>), Unix-millisecond instants as Timestamps and dates as "YYYY-MM-DD". One place for every programme's
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
                Result = EnumNames.Parse<RuleEvaluation>(rule.Result),
            };
            result.Inputs.Add(rule.Inputs.ToDictionary());
            result.Parameters.Add(rule.Parameters.ToDictionary());
            yield return result;
        }
    }

    /// <summary>A stored instant (Unix milliseconds, UTC) as the contract's <c>*_time</c> fields carry it.</summary>
    public static Timestamp Time(long unixMs) => Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

    /// <summary>A business date as the contract spells it, "YYYY-MM-DD".</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

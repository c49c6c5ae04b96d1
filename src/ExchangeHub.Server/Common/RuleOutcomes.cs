using ExchangeHub.Contracts;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Explanations;
using ExchangeHub.Policy.Rates;

namespace ExchangeHub.Server.Common;

/// <summary>
/// An explanation of the policy engine as every programme publishes and stores it: one <see cref="RuleOutcome"/> per
/// rule checked, with its clause, reason code, inputs and parameters; plus the text forms of enums and rates.
/// </summary>
public static class RuleOutcomes
{
    public static IReadOnlyList<RuleOutcome> Of(Explanation explanation) => explanation.Checks
        .Select(c => new RuleOutcome
        {
            RuleId = c.RuleId, ClauseId = c.ClauseId, ReasonCode = c.ReasonCode, Result = Result(c),
            Message = c.Message, Inputs = c.Inputs, Parameters = c.Parameters,
        })
        .ToList();

    /// <summary>An enum of the policy engine as UPPER_SNAKE text (empty when absent).</summary>
    public static string Upper<T>(T? value)
        where T : struct, Enum => value is { } v ? UpperSnake.Format(v) : "";

    /// <summary>A rate in the one canonical decimal form (<see cref="RateText"/>; empty when absent).</summary>
    public static string Rate(decimal? rate) => RateText.Format(rate);

    private static string Result(RuleCheck check) =>
        check.Undetermined ? RuleResults.Undetermined : check.Passed ? RuleResults.Passed : RuleResults.Failed;
}

using System.ComponentModel.DataAnnotations;

namespace ExchangeHub.Contracts;

/// <summary>One rule the policy engine checked for a decision: the explanation a subscriber can show.</summary>
public sealed record RuleOutcome
{
    /// <summary>Stable rule id, e.g. <c>REFUND_LAYOFF</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>Clause of the notice, e.g. <c>1.(2)</c>.</summary>
    public required string ClauseId { get; init; }

    /// <summary>Stable reason code, e.g. <c>REFUND_LAYOFF_RATE_ABOVE_TARGET</c>.</summary>
    public required string ReasonCode { get; init; }

    /// <summary>
    /// The rule's result: <c>"PASSED"</c>, <c>"FAILED"</c> or <c>"UNDETERMINED"</c> (a fact it needs is missing:
    /// "FACTS", missing is not zero) — the proto's <c>RULE_EVALUATION_*</c> names without their prefix.
    /// </summary>
    [AllowedValues("PASSED", "FAILED", "UNDETERMINED")]
    public required string Result { get; init; }

    /// <summary>The sentence explaining the result.</summary>
    public required string Message { get; init; }

    /// <summary>Facts the rule used (money in fen, dates ISO).</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Policy parameters the rule used.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}

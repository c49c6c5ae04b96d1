namespace ExchangeHub.Contracts;

/// <summary>The values of <see cref="RuleOutcome.Result"/>: the tri-state of a rule checked by the policy engine.</summary>
public static class RuleResults
{
    /// <summary>The rule holds on the facts.</summary>
    public const string Passed = "PASSED";

    /// <summary>The rule does not hold on the facts.</summary>
    public const string Failed = "FAILED";

    /// <summary>A fact the rule needs is missing: nothing is guessed.</summary>
    public const string Undetermined = "UNDETERMINED";

    /// <summary>Every value, in the order of the proto enum.</summary>
    public static readonly IReadOnlyList<string> All = [Passed, Failed, Undetermined];
}

namespace ExchangeHub.Policy.Explanations;

/// <summary>
/// One rule checked for a decision: the clause it applies, a stable reason code, whether it passed, and the inputs and
/// parameter values it used. When a fact was missing, <see cref="Passed"/> is false and <see cref="MissingFact"/> names it.
/// </summary>
public sealed record RuleCheck(
    string RuleId,
    string ClauseId,
    string ReasonCode,
    bool Passed,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Parameters,
    string Message,
    string? MissingFact = null)
{
    /// <summary>False when the rule failed on known facts; a check lacking a fact is undetermined, not failed.</summary>
    public bool Failed => !Passed && MissingFact is null;

    public bool Undetermined => MissingFact is not null;
}

namespace ExchangeHub.Policy.Explanations;

/// <summary>Why a decision came out as it did, against which exact policy file (id, version, SHA-256 of its bytes).</summary>
public sealed record Explanation(string PolicyId, string PolicyVersion, string PolicySha256, IReadOnlyList<RuleCheck> Checks)
{
    public IEnumerable<string> MissingFacts => Checks.Where(c => c.MissingFact is not null).Select(c => c.MissingFact!);

    public IEnumerable<string> ReasonCodes => Checks.Select(c => c.ReasonCode);

    internal static Explanation For(PolicySet policy, IReadOnlyList<RuleCheck> checks) =>
        new(policy.Id, policy.Version, policy.Sha256, checks);
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Server.Common;

/// <summary>
/// The policy version as stored with every decision and published in every event: the file's version plus its SHA-256,
/// so the exact file a decision was taken under is named (3.(4)).
/// </summary>
public static class PolicyStamp
{
    public static string Of(string version, string sha256) => $"{version}+sha256:{sha256}";

    /// <summary>The stamp of a loaded policy file.</summary>
    public static string Stamp(this PolicySet policy) => Of(policy.Version, policy.Sha256);

    /// <summary>The stamp of the file an explanation was produced under.</summary>
    public static string Stamp(this Explanation explanation) => Of(explanation.PolicyVersion, explanation.PolicySha256);
}

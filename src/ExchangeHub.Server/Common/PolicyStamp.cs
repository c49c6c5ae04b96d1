using ExchangeHub.Policy;
using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Server.Common;

/// <summary>
/// The policy version as stored with every decision and published in every event: the file's version plus its SHA-256,
/// so the exact file a decision was taken under is named (3.(4)).
/// </summary>
public static class PolicyStamp
{
    private const string Separator = "+sha256:";

    public static string Of(string version, string sha256) => $"{version}{Separator}{sha256}";

    /// <summary>
    /// A stored stamp split into the file's version and SHA-256, as the contract's <c>policy_version</c> and
    /// <c>policy_sha256</c> carry them; a stamp without a SHA-256 is all version.
    /// </summary>
    public static (string Version, string Sha256) Split(string stamp) =>
        stamp.LastIndexOf(Separator, StringComparison.Ordinal) is var at and >= 0 ? (stamp[..at], stamp[(at + Separator.Length)..]) : (stamp, "");

    /// <summary>The stamp of a loaded policy file.</summary>
    public static string Stamp(this PolicySet policy) => Of(policy.Version, policy.Sha256);

    /// <summary>The stamp of the file an explanation was produced under.</summary>
    public static string Stamp(this Explanation explanation) => Of(explanation.PolicyVersion, explanation.PolicySha256);
}

using System.Globalization;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// Why a new decision supersedes the stored one, as stored with it and published in its events: what changed in the
/// facts, the policy, or neither (decided again), then the outcome before and after. Pure, so it is tested alone.
/// </summary>
public static class SupersedeReasons
{
    public static string Of(StoredDecision previous, string factsJson, string policyVersion, string outcome, long amountFen, DateOnly decisionDate)
    {
        var parts = new List<string>();
        var facts = RefundFactsJson.Describe(previous.Facts, factsJson);
        if (facts.Length > 0)
        {
            parts.Add("facts changed: " + facts);
        }
        if (previous.PolicyVersion != policyVersion)
        {
            parts.Add($"policy changed: {previous.PolicyVersion} → {policyVersion}");
        }
        if (parts.Count == 0)
        {
            parts.Add($"decided again on {decisionDate:yyyy-MM-dd}");
        }
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"outcome {previous.Outcome} {previous.AmountFen} fen → {outcome} {amountFen} fen"));
        return string.Join("; ", parts);
    }
}

using ExchangeHub.Server.Common;
using ExchangeHub.Server.Refunds;

namespace ExchangeHub.Server.Tests.Common;

/// <summary>"FACTS": the first difference between a stored decision and its replay, in the order policy, facts, outcome, amount, explanation.</summary>
[Trait("clause", "FACTS")]
public sealed class ReplayDifferencesTests
{
    private const string Facts = """{"Uscc":"U","Months":[{"Period":"2023-12","InsuredHeadcount":20,"Settlement":"Arrears","PremiumsReceived":true}]}""";
    private const string Settled = """{"Uscc":"U","Months":[{"Period":"2023-12","InsuredHeadcount":20,"Settlement":"Settled","PremiumsReceived":true}]}""";
    private const string Rules = """[{"ruleId":"REFUND_LAYOFF","reasonCode":"REFUND_LAYOFF_RATE_WITHIN_TARGET","result":"PASSED"}]""";

    private static readonly ReplayDifferences.Side Stored = new("v1+sha256:aa", Facts, "f1", "ELIGIBLE", 1815, Rules);

    private static readonly (string Expected, ReplayDifferences.Side Replayed)[] Cases =
    [
        ("", Stored),
        ("policy: v1+sha256:aa → v2+sha256:bb", Stored with { Policy = "v2+sha256:bb", Outcome = "INELIGIBLE" }),
        ("facts: Months[2023-12].Settlement: Arrears → Settled", Stored with { Facts = Settled, FactsSha256 = "f2", Amount = 0 }),
        ("facts: SHA-256 f1 → f2", Stored with { FactsSha256 = "f2" }),
        ("outcome: ELIGIBLE → INELIGIBLE", Stored with { Outcome = "INELIGIBLE", Amount = 0 }),
        ("amount_fen: 1815 → 2000", Stored with { Amount = 2000 }),
        (
            "explanation: rule REFUND_LAYOFF reasonCode: REFUND_LAYOFF_RATE_WITHIN_TARGET → REFUND_LAYOFF_RATE_ABOVE_TARGET",
            Stored with { Explanation = Rules.Replace("RATE_WITHIN_TARGET", "RATE_ABOVE_TARGET", StringComparison.Ordinal) }),
        ("explanation: rule REFUND_LAYOFF → rule REFUND_ARREARS", Stored with { Explanation = Rules.Replace("\"REFUND_LAYOFF\"", "\"REFUND_ARREARS\"", StringComparison.Ordinal) }),
        ("explanation: 1 rules → 0 rules", Stored with { Explanation = "[]" }),
    ];

    public static TheoryData<int> CaseNumbers() => [.. Enumerable.Range(0, Cases.Length)];

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void First_NamesTheFirstDifference(int caseNumber) =>
        Assert.Equal(Cases[caseNumber].Expected, ReplayDifferences.First(Stored, Cases[caseNumber].Replayed, RefundFactsJson.Describe));
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Refunds;

namespace ExchangeHub.Server.Tests.Refunds;

/// <summary>Why a new decision supersedes the stored one: facts changed, policy changed, or decided again — then the outcomes.</summary>
public sealed class SupersedeReasonsTests
{
    private const string Unit = "91350100M000100Y43";
    private const string Policy = "1.0+sha256:aaa";
    private static readonly DateOnly DecisionDate = new(2024, 6, 30);

    [Fact]
    public void Of_FactsChanged_NamesTheChangedFields()
    {
        var before = Facts(SettlementStatus.Deferred);
        var after = Facts(SettlementStatus.Settled);

        var reason = SupersedeReasons.Of(Previous(before, "HELD", 0), after, Policy, "ELIGIBLE", 12_345, DecisionDate);

        Assert.Equal("facts changed: Months[2023-05].Settlement: Deferred → Settled; outcome HELD 0 fen → ELIGIBLE 12345 fen", reason);
    }

    [Fact]
    public void Of_PolicyChanged_NamesBothVersions()
    {
        var facts = Facts(SettlementStatus.Settled);

        var reason = SupersedeReasons.Of(Previous(facts, "ELIGIBLE", 12_345), facts, "1.1+sha256:bbb", "ELIGIBLE", 13_000, DecisionDate);

        Assert.Equal("policy changed: 1.0+sha256:aaa → 1.1+sha256:bbb; outcome ELIGIBLE 12345 fen → ELIGIBLE 13000 fen", reason);
    }

    [Fact]
    public void Of_FactsAndPolicyChanged_NamesBoth()
    {
        var reason = SupersedeReasons.Of(Previous(Facts(SettlementStatus.Deferred), "HELD", 0), Facts(SettlementStatus.Settled), "1.1+sha256:bbb",
            "ELIGIBLE", 12_345, DecisionDate);

        Assert.StartsWith("facts changed: Months[2023-05].Settlement: Deferred → Settled; policy changed: 1.0+sha256:aaa → 1.1+sha256:bbb; ", reason);
    }

    [Fact]
    public void Of_NothingChanged_DecidedAgainOnTheDate()
    {
        var facts = Facts(SettlementStatus.Settled);

        var reason = SupersedeReasons.Of(Previous(facts, "ELIGIBLE", 12_345), facts, Policy, "ELIGIBLE", 12_345, DecisionDate);

        Assert.Equal("decided again on 2024-06-30; outcome ELIGIBLE 12345 fen → ELIGIBLE 12345 fen", reason);
    }

    private static StoredDecision Previous(string factsJson, string outcome, long amountFen) =>
        new(7, Unit, outcome, amountFen, "sha", Policy, "", factsJson);

    private static string Facts(SettlementStatus may) => RefundFactsJson.Serialize(new RefundFacts(Unit, OrganisationType.Enterprise,
        RegistrationStatus.Active, false, SizeClass.Small, SizeClassSource.Official,
        [new MonthFacts(new YearMonth(2023, 4), 10, SettlementStatus.Settled, true), new MonthFacts(new YearMonth(2023, 5), 10, may, true)],
        [new ContributionSum(LineKind.Regular, 2023, 200, 100)]));
}

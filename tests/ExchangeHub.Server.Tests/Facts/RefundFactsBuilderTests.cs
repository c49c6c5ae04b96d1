using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Tests.Facts;

/// <summary>
/// From a hand-made <see cref="StoredFacts"/> to the engine's <see cref="RefundFacts"/>: months from lines and
/// settlements, raw sums per line kind and year. Nothing is excluded here; the refund base's exclusions are the engine's.
/// </summary>
public sealed class RefundFactsBuilderTests
{
    private const string Unit = "91350100M000100Y43";

    [Fact]
    public void Build_Unit_TakesItsReportedFacts()
    {
        var facts = RefundFactsBuilder.Build(Unit, Stored());

        Assert.Equal(Unit, facts.Uscc);
        Assert.Equal(OrganisationType.Enterprise, facts.OrganisationType);
        Assert.Equal(RegistrationStatus.Active, facts.RegistrationStatus);
        Assert.False(facts.IsLabourDispatch);
        Assert.Equal(SizeClass.Small, facts.SizeClass);
        Assert.Equal(SizeClassSource.Official, facts.SizeClassSource);
    }

    [Fact]
    public void Build_Months_UnionOfLinesAndSettlementsInOrder()
    {
        var facts = RefundFactsBuilder.Build(Unit, Stored());

        Assert.Equal(
        [
            new MonthFacts(new YearMonth(2023, 1), 10, SettlementStatus.Settled, PremiumsReceived: true),
            new MonthFacts(new YearMonth(2023, 2), 9, null, PremiumsReceived: false), // headcount but no premium amount
            new MonthFacts(new YearMonth(2023, 3), 0, SettlementStatus.Deferred, PremiumsReceived: false), // a settlement without lines
            new MonthFacts(new YearMonth(2023, 12), 0, null, PremiumsReceived: true),
            new MonthFacts(new YearMonth(2024, 1), 8, null, PremiumsReceived: true), // back payments alone count as received
        ], facts.Months);
    }

    [Fact]
    public void Build_Sums_PerKindAndYearRawWithLateFeesAndBackPaymentsKept()
    {
        var facts = RefundFactsBuilder.Build(Unit, Stored());

        Assert.Equal(
        [
            new ContributionSum(LineKind.Regular, 2023, 100 + 120, 50 + 60),
            new ContributionSum(LineKind.BackPayment, 2024, 30, 10),
            new ContributionSum(LineKind.LateFee, 2023, 5, 0),
            new ContributionSum(LineKind.LateFee, 2024, 0, 2),
        ], facts.Contributions);
    }

    [Fact]
    public void Build_UnitMarketRegulationNeverReported_UnitFactsMissing()
    {
        var stored = Stored();
        stored.Units.Clear();

        var facts = RefundFactsBuilder.Build(Unit, stored);

        Assert.Null(facts.OrganisationType);
        Assert.Null(facts.RegistrationStatus);
        Assert.Null(facts.IsLabourDispatch);
        Assert.Null(facts.SizeClass);
        Assert.Null(facts.SizeClassSource);
        Assert.False(facts.HasUnitRecord); // "FACTS": named by the engine as the missing unit record
        Assert.Equal(5, facts.Months.Count);
    }

    [Fact]
    [Trait("clause", "FACTS")]
    public void Build_AgenciesDisagree_DisputedFactUnknownWithBothSources()
    {
        var stored = Stored();
        var first = stored.Units[Unit] with { AgencyId = "amr-a", SourceRecordId = "U-1" };
        var second = first with { AgencyId = "amr-b", SourceRecordId = "U-9", RegistrationStatus = RegistrationStatus.Deregistered };
        stored.Conflicts[Unit] = [new UnitConflict("RegistrationStatus", first, "Active", second, "Deregistered")];

        var facts = RefundFactsBuilder.Build(Unit, stored);

        Assert.Null(facts.RegistrationStatus);
        Assert.Equal(OrganisationType.Enterprise, facts.OrganisationType);
        Assert.Equal(new SourceConflict("RegistrationStatus", "amr-a:U-1=Active; amr-b:U-9=Deregistered"), Assert.Single(facts.SourceConflicts!));
    }

    [Fact]
    public void Build_UnitWithoutLinesOrSettlements_NoMonthsNoSums()
    {
        var facts = RefundFactsBuilder.Build("91350100M000100Y44", Stored());

        Assert.Empty(facts.Months);
        Assert.Empty(facts.Contributions!);
    }

    private static StoredFacts Stored()
    {
        var stored = new StoredFacts();
        stored.Units[Unit] = new UnitSnapshot(Unit, OrganisationType.Enterprise, RegistrationStatus.Active, null, LabourDispatch: false,
            SizeClass.Small, SizeClassSource.Official, "C13", 50, 1_000_000, 2_000_000, "660100");
        stored.Months[Unit] =
        [
            new MonthAggregate(202301, 10, 100, 50, 0, 0, 5, 0),
            new MonthAggregate(202302, 9, 0, 0, 0, 0, 0, 0),
            new MonthAggregate(202312, 0, 120, 60, 0, 0, 0, 0),
            new MonthAggregate(202401, 8, 0, 0, 30, 10, 0, 2),
        ];
        stored.Settlements[Unit] = new Dictionary<int, SettlementStatus> { [202301] = SettlementStatus.Settled, [202303] = SettlementStatus.Deferred };
        return stored;
    }
}

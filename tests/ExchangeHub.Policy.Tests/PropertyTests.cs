using ExchangeHub.Policy.Benefits;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ExchangeHub.Policy.Tests;

/// <summary>Invariants that must hold for any facts, not just the notice's examples.</summary>
public sealed class PropertyTests
{
    private static readonly RefundDecider Refunds = new(Policies.Draft);
    private static readonly BenefitDecider Benefits = new(Policies.Draft);

    private static readonly Gen<ContributionSum> Contribution =
        from kind in Gen.Elements(Enum.GetValues<LineKind>())
        from year in Gen.Choose(2021, 2024)
        from employer in Gen.Choose(0, 50_000_000)
        from employee in Gen.Choose(0, 50_000_000)
        select new ContributionSum(kind, year, employer, employee);

    private static readonly Gen<SettlementStatus?> Status = Gen.Frequency(
        (60, Gen.Constant<SettlementStatus?>(SettlementStatus.Settled)),
        (1, Gen.Constant<SettlementStatus?>(SettlementStatus.Deferred)),
        (1, Gen.Constant<SettlementStatus?>(SettlementStatus.Arrears)),
        (1, Gen.Constant<SettlementStatus?>(null)));

    /// <summary>The twelve months of 2023: a starting headcount, December within −2%..+8% layoffs of it, mostly settled.</summary>
    private static readonly Gen<MonthFacts[]> AssessmentYear =
        from start in Gen.Choose(1, 400)
        from dropPerMille in Gen.Choose(-20, 80)
        from statuses in Gen.ArrayOf(Status, 12)
        select statuses.Select((status, i) => new MonthFacts(
            new YearMonth(2023, i + 1),
            i == 11 ? start - (start * dropPerMille / 1000) : start,
            status,
            status == SettlementStatus.Settled)).ToArray();

    /// <summary>Units of every size class with up to 24 settled months in 2021–2022 and a random assessment year.</summary>
    private static readonly Gen<RefundFacts> Unit =
        from sizeClass in Gen.Elements(Enum.GetValues<SizeClass>())
        from priorMonths in Gen.Choose(0, 24)
        from assessment in AssessmentYear
        from contributions in Gen.ListOf(Contribution)
        select Units.Eligible() with
        {
            SizeClass = sizeClass,
            Months = [.. Units.Months(new YearMonth(2021, 1), new YearMonth(2021, 1).AddMonths(priorMonths - 1), _ => 50), .. assessment],
            Contributions = contributions,
        };

    [Property(MaxTest = 500)]
    [Trait("clause", "1.(2)")]
    public Property Decide_AnyUnit_RefundNeverExceedsBaseTimesRate() =>
        Prop.ForAll(Unit.ToArbitrary(), facts =>
        {
            var decision = Refunds.Decide(facts, Units.DecisionDate);
            var assessmentYearBase = facts.Contributions!
                .Where(c => c.Kind != LineKind.LateFee && c.PeriodYear == 2023)
                .Sum(c => c.EmployerFen + c.EmployeeFen);
            var rate = facts.SizeClass == SizeClass.Large ? 0.30m : 0.60m;
            return decision.Outcome == RefundOutcome.Eligible
                ? decision.AmountFen - (assessmentYearBase * rate) <= 0.5m && decision.AmountFen >= 0
                : decision.AmountFen == 0;
        });

    [Property(MaxTest = 500)]
    [Trait("clause", "1.(2)")]
    public Property Decide_MorePaidMonths_NeverTurnsEligibleIneligible() =>
        Prop.ForAll(Unit.ToArbitrary(), Gen.Choose(1, 36).ToArbitrary(), (facts, extra) =>
        {
            var more = facts with { Months = [.. Units.Months(new YearMonth(2018, 1), new YearMonth(2018, 1).AddMonths(extra - 1), _ => 50), .. facts.Months] };
            var before = Refunds.Decide(facts, Units.DecisionDate).Outcome;
            var after = Refunds.Decide(more, Units.DecisionDate).Outcome;
            return before != RefundOutcome.Eligible || after == RefundOutcome.Eligible;
        });

    private static readonly Gen<PreviousSpell?> Previous = Gen.OneOf(
        Gen.Constant<PreviousSpell?>(null),
        from monthsAgo in Gen.Choose(0, 300)
        from entitled in Gen.Choose(12, 24)
        from received in Gen.Choose(0, 24)
        select (PreviousSpell?)new PreviousSpell(new YearMonth(2024, 5).AddMonths(-monthsAgo), entitled, Math.Min(received, entitled)));

    [Property(MaxTest = 500)]
    [Trait("clause", "1.(4)")]
    public Property Decide_MoreInsuredMonths_NeverShortensBenefitPeriod() =>
        Prop.ForAll(Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(0, 200).ToArbitrary(), Previous.ToArbitrary(), (months, extra, previous) =>
        {
            BenefitFacts Claim(int count) => new(
                "p",
                [new InsuredPlace("650100", [.. Enumerable.Range(0, count).Select(i => new YearMonth(2024, 5).AddMonths(-i))])],
                SeparationReason.ContractExpired,
                RegisteredUnemployed: true,
                previous);
            var shorter = Benefits.Decide(Claim(months), new DateOnly(2024, 7, 1));
            var longer = Benefits.Decide(Claim(months + extra), new DateOnly(2024, 7, 1));
            return longer.MaxMonths >= shorter.MaxMonths && longer.MaxMonths <= 24;
        });
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Policy.Tests.Support;

/// <summary>Refund facts of a unit that qualifies for the 2024 programme; tests change one fact at a time.</summary>
internal static class Units
{
    public const string Uscc = "91350100M000100Y43";

    public static readonly DateOnly DecisionDate = new(2024, 6, 3);

    /// <summary>Insured 2022-01..2024-05, all settled, 100 insured every month; base 2023 = 302,514 fen (3025.14 yuan).</summary>
    public static RefundFacts Eligible() => new(
        Uscc,
        OrganisationType.Enterprise,
        RegistrationStatus.Active,
        IsLabourDispatch: false,
        SizeClass.Small,
        SizeClassSource.Provisional,
        Months(new YearMonth(2022, 1), new YearMonth(2024, 5), _ => 100),
        [new ContributionSum(LineKind.Regular, 2023, 151257, 151257)]);

    public static IReadOnlyList<MonthFacts> Months(YearMonth from, YearMonth to, Func<YearMonth, int> headcount, SettlementStatus? status = SettlementStatus.Settled)
    {
        var months = new List<MonthFacts>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            months.Add(new MonthFacts(month, headcount(month), status, status == SettlementStatus.Settled));
        }

        return months;
    }

    /// <summary>Headcount <paramref name="start"/> from January to November 2023 and <paramref name="december"/> in December.</summary>
    public static RefundFacts WithLayoff(int start, int december) => Eligible() with
    {
        Months = Months(new YearMonth(2022, 1), new YearMonth(2024, 5), m => m == new YearMonth(2023, 12) ? december : start),
    };

    /// <summary>The month neither delivered by the tax bureau as lines nor given a settlement status ("FACTS": missing).</summary>
    public static RefundFacts WithoutMonth(this RefundFacts facts, YearMonth period) => facts with
    {
        Months = [.. facts.Months.Where(m => m.Period != period)],
    };

    public static RefundFacts WithMonth(this RefundFacts facts, YearMonth period, SettlementStatus? status, bool received = false) => facts with
    {
        Months = [.. facts.Months.Where(m => m.Period != period), new MonthFacts(period, 100, status, received)],
    };
}

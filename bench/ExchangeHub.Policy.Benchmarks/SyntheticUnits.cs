using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Policy.Benchmarks;

/// <summary>
/// Deterministic synthetic refund facts (fixed seed): 29 months per unit (2022-01..2024-05), a mix of size classes,
/// organisation types, layoffs, deferrals, arrears and missing facts, so every outcome and rule path is exercised.
/// </summary>
public static class SyntheticUnits
{
    public static RefundFacts[] Generate(int count, int seed = 2024)
    {
        var random = new Random(seed);
        var types = Enum.GetValues<OrganisationType>();
        var classes = Enum.GetValues<SizeClass>();
        var units = new RefundFacts[count];
        for (var i = 0; i < count; i++)
        {
            var start = random.Next(1, 2000);
            var december = Math.Max(0, start - (start * random.Next(-20, 90) / 1000));
            var months = new MonthFacts[29];
            var period = new YearMonth(2022, 1);
            for (var m = 0; m < months.Length; m++, period = period.AddMonths(1))
            {
                var roll = random.Next(1000);
                SettlementStatus? status = roll switch
                {
                    < 3 => SettlementStatus.Arrears,
                    < 8 => SettlementStatus.Deferred,
                    < 10 => null,
                    _ => SettlementStatus.Settled,
                };
                var headcount = period == new YearMonth(2023, 12) ? december : start;
                months[m] = new MonthFacts(period, headcount, status, status == SettlementStatus.Settled);
            }

            long monthly = start * 5_000L;
            units[i] = new RefundFacts(
                $"U{i:D17}",
                random.Next(20) == 0 ? types[random.Next(types.Length)] : OrganisationType.Enterprise,
                random.Next(200) == 0 ? RegistrationStatus.Deregistered : RegistrationStatus.Active,
                random.Next(10) == 0,
                random.Next(100) == 0 ? null : classes[random.Next(classes.Length)],
                SizeClassSource.Provisional,
                months,
                [
                    new ContributionSum(LineKind.Regular, 2023, monthly * 6, monthly * 6),
                    new ContributionSum(LineKind.BackPayment, 2023, random.Next(0, 100_000), random.Next(0, 100_000)),
                    new ContributionSum(LineKind.BackPayment, 2022, random.Next(0, 100_000), 0),
                    new ContributionSum(LineKind.LateFee, 2023, random.Next(0, 5_000), 0),
                ]);
        }

        return units;
    }
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// Turns one unit's stored facts into the policy engine's facts. Nothing is decided here: the headcounts, settlement
/// statuses and raw sums go in as they are, and the exclusions of the refund base are the engine's (2.(1) item 2).
/// A month absent here (neither lines nor a settlement status) stays absent: the engine reads it as missing, not 0
/// ("FACTS"). A unit fact two agencies disagree on goes in as unknown, with the conflict, so no agency wins silently.
/// </summary>
public static class RefundFactsBuilder
{
    public static RefundFacts Build(string uscc, StoredFacts stored)
    {
        stored.Units.TryGetValue(uscc, out var unit);
        var aggregates = stored.Months.GetValueOrDefault(uscc) ?? [];
        var settlements = stored.Settlements.GetValueOrDefault(uscc) ?? [];

        var byPeriod = aggregates.ToDictionary(a => a.Period);
        var months = byPeriod.Keys.Union(settlements.Keys).Order()
            .Select(period =>
            {
                byPeriod.TryGetValue(period, out var a);
                var received = a is not null && a.RegularEmployerFen + a.RegularEmployeeFen + a.BackPaymentEmployerFen + a.BackPaymentEmployeeFen > 0;
                return new MonthFacts(StoredFactsReader.Month(period), a?.InsuredHeadcount ?? 0,
                    settlements.TryGetValue(period, out var status) ? status : null, received);
            })
            .ToList();

        var sums = aggregates
            .SelectMany(a => new[]
            {
                (Kind: LineKind.Regular, Year: a.Period / 100, Employer: a.RegularEmployerFen, Employee: a.RegularEmployeeFen),
                (Kind: LineKind.BackPayment, Year: a.Period / 100, Employer: a.BackPaymentEmployerFen, Employee: a.BackPaymentEmployeeFen),
                (Kind: LineKind.LateFee, Year: a.Period / 100, Employer: a.LateFeeEmployerFen, Employee: a.LateFeeEmployeeFen),
            })
            .Where(s => s.Employer != 0 || s.Employee != 0)
            .GroupBy(s => (s.Kind, s.Year))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Year)
            .Select(g => new ContributionSum(g.Key.Kind, g.Key.Year, g.Sum(s => s.Employer), g.Sum(s => s.Employee)))
            .ToList();

        var conflicts = stored.Conflicts.GetValueOrDefault(uscc) ?? [];
        var disputed = conflicts.Select(c => c.Fact).ToHashSet(StringComparer.Ordinal);
        return new RefundFacts(uscc,
            disputed.Contains(nameof(RefundFacts.OrganisationType)) ? null : unit?.OrganisationType,
            disputed.Contains(nameof(RefundFacts.RegistrationStatus)) ? null : unit?.RegistrationStatus,
            disputed.Contains(nameof(RefundFacts.IsLabourDispatch)) ? null : unit?.LabourDispatch,
            disputed.Contains(nameof(RefundFacts.SizeClass)) ? null : unit?.SizeClass,
            disputed.Contains(nameof(RefundFacts.SizeClassSource)) ? null : unit?.SizeClassSource,
            months, sums, HasUnitRecord: unit is not null,
            SourceConflicts: conflicts.Count == 0 ? null : [.. conflicts.Select(c => new SourceConflict(c.Fact, c.Sources))]);
    }
}

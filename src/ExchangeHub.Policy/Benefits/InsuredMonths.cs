namespace ExchangeHub.Policy.Benefits;

/// <summary>
/// Insured months consolidated over places: the union of each place's months, so an overlap counts once; months from
/// the application's month on do not count (1.(4) Decision: up to the month before the application).
/// </summary>
internal readonly record struct InsuredMonths(int Consolidated, int Counted, int Overlapping)
{
    public static InsuredMonths Of(IReadOnlyList<InsuredPlace> places, YearMonth? countFrom, YearMonth? before = null)
    {
        var union = new HashSet<YearMonth>();
        var total = 0;
        foreach (var place in places)
        {
            var distinct = new HashSet<YearMonth>(place.Months.Where(m => before is not { } b || m < b));
            total += distinct.Count;
            union.UnionWith(distinct);
        }

        var counted = countFrom is { } from ? union.Count(m => m >= from) : union.Count;
        return new InsuredMonths(union.Count, counted, total - union.Count);
    }
}

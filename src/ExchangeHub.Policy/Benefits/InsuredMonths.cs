namespace ExchangeHub.Policy.Benefits;

/// <summary>Insured months consolidated over places: the union of each place's months, so an overlap counts once.</summary>
internal readonly record struct InsuredMonths(int Consolidated, int Counted, int Overlapping)
{
    public static InsuredMonths Of(IReadOnlyList<InsuredPlace> places, YearMonth? countFrom)
    {
        var union = new HashSet<YearMonth>();
        var total = 0;
        foreach (var place in places)
        {
            var distinct = new HashSet<YearMonth>(place.Months);
            total += distinct.Count;
            union.UnionWith(distinct);
        }

        var counted = countFrom is { } from ? union.Count(m => m >= from) : union.Count;
        return new InsuredMonths(union.Count, counted, total - union.Count);
    }
}

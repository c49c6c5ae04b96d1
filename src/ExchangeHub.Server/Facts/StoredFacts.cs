using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Facts;

/// <summary>Everything a run needs from the stored feeds, read in a few set-based queries.</summary>
public sealed class StoredFacts
{
    public Dictionary<string, UnitSnapshot> Units { get; } = new(StringComparer.Ordinal);

    /// <summary>Per USCC, its months with lines, in period order.</summary>
    public Dictionary<string, List<MonthAggregate>> Months { get; } = new(StringComparer.Ordinal);

    /// <summary>Per USCC and period (yyyymm), the settlement status in force (latest status date, then latest recorded).</summary>
    public Dictionary<string, Dictionary<int, SettlementStatus>> Settlements { get; } = new(StringComparer.Ordinal);

    /// <summary>Every USCC seen in any feed, sorted: the subjects of a run.</summary>
    public IEnumerable<string> Subjects => Units.Keys.Concat(Months.Keys).Concat(Settlements.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}

using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// The facts of a chunk of units as of D and T (<see cref="FactsAsOf"/>), read from the stored feeds by
/// <see cref="StoredFactsReader"/>: only the chunk is held in memory, never the population.
/// </summary>
public sealed class StoredFacts
{
    /// <summary>Per USCC, the unit as reported on D (the first agency's record when several agencies report it).</summary>
    public Dictionary<string, UnitSnapshot> Units { get; } = new(StringComparer.Ordinal);

    /// <summary>Per USCC, the unit facts two agencies report differently (absent when they agree).</summary>
    public Dictionary<string, List<UnitConflict>> Conflicts { get; } = new(StringComparer.Ordinal);

    /// <summary>Per USCC, its months with lines received on or before D (cancelled lines out), in period order.</summary>
    public Dictionary<string, List<MonthAggregate>> Months { get; } = new(StringComparer.Ordinal);

    /// <summary>Per USCC and period (yyyymm), the settlement status in force on D (latest status date ≤ D, then latest recorded).</summary>
    public Dictionary<string, Dictionary<int, SettlementStatus>> Settlements { get; } = new(StringComparer.Ordinal);

    /// <summary>Every USCC of the chunk seen in any feed, in ordinal order: the subjects of a run.</summary>
    public List<string> Subjects { get; } = [];
}

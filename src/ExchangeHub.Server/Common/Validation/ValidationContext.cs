using ExchangeHub.Policy;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>
/// What record validation compares against: today's date in China Standard Time (UTC+8, the agencies' calendar),
/// the range of acceptable contribution periods, and the sending agency's jurisdiction (the division codes it may
/// report; null: every division).
/// </summary>
public sealed record ValidationContext(DateOnly Today, int EarliestPeriod, IReadOnlySet<string>? Divisions = null)
{
    /// <summary>The current month as yyyymm: the latest acceptable period.</summary>
    public int LatestPeriod => (Today.Year * 100) + Today.Month;

    public static ValidationContext At(DateTimeOffset now, int earliestPeriod) => new(ChinaTime.DateOf(now), earliestPeriod);
}

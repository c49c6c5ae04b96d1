using ExchangeHub.Policy;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>
/// What record validation compares against: today's date in China Standard Time (UTC+8, the agencies' calendar)
/// and the range of acceptable contribution periods.
/// </summary>
public sealed record ValidationContext(DateOnly Today, int EarliestPeriod)
{
    /// <summary>The current month as yyyymm: the latest acceptable period.</summary>
    public int LatestPeriod => (Today.Year * 100) + Today.Month;

    public static ValidationContext At(DateTimeOffset now, int earliestPeriod) => new(ChinaTime.DateOf(now), earliestPeriod);
}

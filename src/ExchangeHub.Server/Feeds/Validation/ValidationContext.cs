namespace ExchangeHub.Server.Feeds.Validation;

/// <summary>
/// What record validation compares against: today's date in China Standard Time (UTC+8, the agencies' calendar)
/// and the range of acceptable contribution periods.
/// </summary>
public sealed record ValidationContext(DateOnly Today, int EarliestPeriod)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The current month as yyyymm: the latest acceptable period.</summary>
    public int LatestPeriod => (Today.Year * 100) + Today.Month;

    public static ValidationContext At(DateTimeOffset now, int earliestPeriod) =>
        new(DateOnly.FromDateTime(now.ToOffset(ChinaStandardTime).DateTime), earliestPeriod);
}

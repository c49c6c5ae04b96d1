namespace ExchangeHub.Policy;

/// <summary>
/// "Today" as the agencies and the notice mean it: the civil date in China Standard Time (UTC+8, no daylight saving).
/// The one place the hub and the CLI turn an instant into a business date.
/// </summary>
public static class ChinaTime
{
    /// <summary>UTC+8.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The civil date of <paramref name="instant"/> in China Standard Time.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Today in China Standard Time, from the clock (tests substitute a fake one).</summary>
    public static DateOnly ChinaToday(this TimeProvider clock) => DateOf(clock.GetUtcNow());
}

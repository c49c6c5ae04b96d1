namespace ExchangeHub.Policy.Calendar;

/// <summary>A year a needed calendar does not cover (2.(3) calendar coverage): what a deadline through it waits for.</summary>
public sealed record CalendarGap(string Calendar, int Year)
{
    /// <summary>Where the policy file would have to cover it.</summary>
    public string Path => $"$.calendar.coverage.{Calendar}";

    /// <summary>E.g. "calendar xinjiang year 2026 not covered".</summary>
    public override string ToString() => $"calendar {Calendar} year {Year} not covered";
}

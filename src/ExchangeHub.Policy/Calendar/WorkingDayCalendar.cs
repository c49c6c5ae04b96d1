using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Calendar;

/// <summary>
/// Working days per 2.(3): Monday–Friday that is not a public holiday, or a make-up working day. The national calendar
/// plus the regions' local days, all from the policy file. A year the file does not list is not guessed: asking about
/// it throws (or <see cref="TryAddWorkingDays"/> returns false).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _makeUpWorkingDays = [];
    private readonly HashSet<int> _years;

    public WorkingDayCalendar(HolidayCalendars calendars, IEnumerable<string> regions)
    {
        _years = [.. calendars.National.Keys];
        var sources = calendars.National.Values.Concat(regions.SelectMany(r => calendars.Regions.TryGetValue(r, out var years)
            ? years.Values
            : throw new ArgumentException($"$.calendar.regions.{r} is not defined", nameof(regions))));
        foreach (var year in sources)
        {
            _holidays.UnionWith(year.Holidays);
            _makeUpWorkingDays.UnionWith(year.MakeUpWorkingDays);
        }
    }

    /// <summary>The national calendar of <paramref name="policy"/> with the given regions' local days.</summary>
    public static WorkingDayCalendar For(PolicySet policy, params string[] regions) => new(policy.Calendars, regions);

    public bool IsCovered(DateOnly date) => _years.Contains(date.Year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (!IsCovered(date))
        {
            throw new InvalidOperationException($"$.calendar.national.{date.Year} is missing: no calendar for {date:yyyy-MM-dd}");
        }

        return !_holidays.Contains(date)
            && (_makeUpWorkingDays.Contains(date) || date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    /// <summary>The day on which the <paramref name="workingDays"/>-th working day after <paramref name="start"/> falls; the start day itself is not counted.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays) =>
        TryAddWorkingDays(start, workingDays, out var end)
            ? end
            : throw new InvalidOperationException($"$.calendar.national has no year for working days after {start:yyyy-MM-dd}");

    public bool TryAddWorkingDays(DateOnly start, int workingDays, out DateOnly end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        end = start;
        for (var counted = 0; counted < workingDays;)
        {
            end = end.AddDays(1);
            if (!IsCovered(end))
            {
                return false;
            }

            counted += IsWorkingDay(end) ? 1 : 0;
        }

        return true;
    }
}

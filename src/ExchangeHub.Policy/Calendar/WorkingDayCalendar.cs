using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Calendar;

/// <summary>
/// Working days per 2.(3): Monday–Friday that is not a public holiday, or a make-up working day. The national calendar
/// plus the regions' local days, all from the policy file. A day is covered only when every calendar used (national
/// and each region) covers its year (<see cref="HolidayCalendars.Coverage"/>); a year one of them does not cover is not
/// guessed: <see cref="AddWorkingDays"/> answers undetermined naming the calendar and year, <see cref="IsWorkingDay"/> throws.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _makeUpWorkingDays = [];
    private readonly List<(string Name, IReadOnlySet<int> Years)> _coverage = [];

    public WorkingDayCalendar(HolidayCalendars calendars, IEnumerable<string> regions)
    {
        _coverage.Add((HolidayCalendars.NationalName, calendars.Coverage[HolidayCalendars.NationalName]));
        var sources = calendars.National.Values.ToList();
        foreach (var region in regions)
        {
            if (!calendars.Regions.TryGetValue(region, out var years))
            {
                throw new ArgumentException($"$.calendar.regions.{region} is not defined", nameof(regions));
            }

            _coverage.Add((region, calendars.Coverage[region]));
            sources.AddRange(years.Values);
        }

        foreach (var year in sources)
        {
            _holidays.UnionWith(year.Holidays);
            _makeUpWorkingDays.UnionWith(year.MakeUpWorkingDays);
        }
    }

    /// <summary>The national calendar of <paramref name="policy"/> with the given regions' local days.</summary>
    public static WorkingDayCalendar For(PolicySet policy, params string[] regions) => new(policy.Calendars, regions);

    /// <summary>The first calendar (national first, then the regions in order) that does not cover the year of <paramref name="date"/>; null when all do.</summary>
    public CalendarGap? GapOn(DateOnly date)
    {
        foreach (var (name, years) in _coverage)
        {
            if (!years.Contains(date.Year))
            {
                return new CalendarGap(name, date.Year);
            }
        }

        return null;
    }

    public bool IsCovered(DateOnly date) => GapOn(date) is null;

    public bool IsWorkingDay(DateOnly date)
    {
        if (GapOn(date) is { } gap)
        {
            throw new InvalidOperationException($"{gap}: no working-day calendar for {date:yyyy-MM-dd}");
        }

        return !_holidays.Contains(date)
            && (_makeUpWorkingDays.Contains(date) || date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    /// <summary>
    /// The day on which the <paramref name="workingDays"/>-th working day after <paramref name="start"/> falls (the start
    /// day itself is not counted); undetermined when a day it counts lies in a year a calendar does not cover.
    /// </summary>
    public WorkingDayDeadline AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var end = start;
        for (var counted = 0; counted < workingDays;)
        {
            end = end.AddDays(1);
            if (GapOn(end) is { } gap)
            {
                return new WorkingDayDeadline(start, workingDays, null, gap);
            }

            counted += IsWorkingDay(end) ? 1 : 0;
        }

        return new WorkingDayDeadline(start, workingDays, end, null);
    }
}

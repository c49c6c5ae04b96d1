using System.Globalization;
using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Loading;

/// <summary>
/// Reads <c>calendar.national</c> and <c>calendar.regions.*</c>: per year, holidays and make-up working days, each a date
/// <c>YYYY-MM-DD</c> or a range <c>YYYY-MM-DD..YYYY-MM-DD</c> (2.(3)); and <c>calendar.coverage</c>: per calendar
/// (<c>national</c> and each region) the years it covers, which must be exactly the years it lists (a covered year of a
/// region without local days lists empty arrays), so coverage is stated once and never contradicted.
/// </summary>
internal static class CalendarSectionReader
{
    public static HolidayCalendars Read(Cursor root)
    {
        var node = root.Property("calendar").Object("coverage", "national", "regions");
        var national = ReadYears(node.Property("national"));
        if (national.Count == 0)
        {
            throw node.Property("national").Error("has no year");
        }

        var regions = new Dictionary<string, IReadOnlyDictionary<int, CalendarYear>>(StringComparer.Ordinal);
        if (node.OptionalProperty("regions") is { } regionsNode)
        {
            foreach (var (name, region) in regionsNode.Properties())
            {
                regions[name] = ReadYears(region);
            }
        }

        return new HolidayCalendars(national, regions, ReadCoverage(node, national, regions));
    }

    private static Dictionary<string, IReadOnlySet<int>> ReadCoverage(Cursor node, Dictionary<int, CalendarYear> national,
        Dictionary<string, IReadOnlyDictionary<int, CalendarYear>> regions)
    {
        var listed = regions.ToDictionary(r => r.Key, r => r.Value.Keys.ToHashSet(), StringComparer.Ordinal);
        listed[HolidayCalendars.NationalName] = [.. national.Keys];
        var coverageNode = node.Property("coverage");
        var coverage = new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal);
        foreach (var (name, yearsNode) in coverageNode.Properties())
        {
            if (!listed.TryGetValue(name, out var years))
            {
                throw yearsNode.Error("names a calendar that is neither national nor in $.calendar.regions");
            }

            var covered = new HashSet<int>();
            foreach (var item in yearsNode.Items())
            {
                var year = item.Int32();
                if (year is < 1900 or > 2999 || !covered.Add(year))
                {
                    throw item.Error("is not a new year YYYY");
                }
            }

            if (!covered.SetEquals(years))
            {
                throw yearsNode.Error($"covers {Years(covered)} but the calendar lists {Years(years)}");
            }

            coverage[name] = covered;
        }

        return listed.Keys.FirstOrDefault(name => !coverage.ContainsKey(name)) is { } uncovered
            ? throw new PolicyValidationException($"{coverageNode.Path}.{uncovered}", "is missing")
            : coverage;
    }

    private static string Years(IEnumerable<int> years) =>
        years.Any() ? string.Join(", ", years.Order().Select(y => y.ToString(CultureInfo.InvariantCulture))) : "no year";

    private static Dictionary<int, CalendarYear> ReadYears(Cursor node)
    {
        var years = new Dictionary<int, CalendarYear>();
        foreach (var (name, yearNode) in node.Properties())
        {
            if (name.Length != 4 || !int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                throw yearNode.Error("is not a year YYYY");
            }

            yearNode.Object("clause", "holidays", "make_up_working_days", "reference");
            var holidays = ReadDays(yearNode.Property("holidays"), year);
            var makeUp = ReadDays(yearNode.Property("make_up_working_days"), year);
            foreach (var day in makeUp)
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || holidays.Contains(day))
                {
                    throw yearNode.Property("make_up_working_days").Error($"{day:yyyy-MM-dd} is not a weekend day outside the holidays");
                }
            }

            years[year] = new CalendarYear(year, holidays, makeUp, yearNode.Property("clause").String());
        }

        return years;
    }

    private static HashSet<DateOnly> ReadDays(Cursor node, int year)
    {
        var days = new HashSet<DateOnly>();
        foreach (var item in node.Items())
        {
            var text = item.String();
            var parts = text.Split("..");
            if (parts.Length > 2 || !TryDate(parts[0], out var from) || !TryDate(parts[^1], out var to) || to < from)
            {
                throw item.Error($"'{text}' is not a date or a range YYYY-MM-DD..YYYY-MM-DD");
            }

            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (day.Year != year || !days.Add(day))
                {
                    throw item.Error($"{day:yyyy-MM-dd} is outside {year} or listed twice");
                }
            }
        }

        return days;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

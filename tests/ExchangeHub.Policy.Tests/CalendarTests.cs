using System.Globalization;
using ExchangeHub.Policy.Calendar;
using ExchangeHub.Policy.Tests.Support;

namespace ExchangeHub.Policy.Tests;

/// <summary>
/// 2.(3): claims are decided within 10 working days; the application day is not counted; the calendar is data, and
/// each calendar covers the years the policy file says (national 2024–2026, Xinjiang 2025): a count through a year a
/// needed calendar does not cover is undetermined, naming the calendar and year.
/// </summary>
public sealed class CalendarTests
{
    private readonly WorkingDayCalendar _national = WorkingDayCalendar.For(Policies.Draft);
    private readonly WorkingDayCalendar _xinjiang = WorkingDayCalendar.For(Policies.Draft, "xinjiang");

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The day before, the first and last day of, and the day after every holiday of POLICY.md 2.(3), and every make-up working day with its neighbours.</summary>
    [Theory]
    [Trait("clause", "2.(3)")]
    // 2024
    [InlineData("2024-01-01", false)]
    [InlineData("2024-01-02", true)]
    [InlineData("2024-02-03", false)] // Saturday before the make-up day
    [InlineData("2024-02-04", true)] // Sunday, make-up working day
    [InlineData("2024-02-09", true)] // Friday before Spring Festival
    [InlineData("2024-02-10", false)] // Spring Festival 2/10..2/17
    [InlineData("2024-02-12", false)]
    [InlineData("2024-02-17", false)]
    [InlineData("2024-02-18", true)] // Sunday, make-up working day
    [InlineData("2024-02-19", true)]
    [InlineData("2024-04-03", true)]
    [InlineData("2024-04-04", false)] // Qingming 4/4..4/6
    [InlineData("2024-04-06", false)]
    [InlineData("2024-04-07", true)] // Sunday, make-up working day
    [InlineData("2024-04-08", true)]
    [InlineData("2024-04-28", true)] // Sunday, make-up working day
    [InlineData("2024-04-30", true)]
    [InlineData("2024-05-01", false)] // Labour Day 5/1..5/5
    [InlineData("2024-05-05", false)]
    [InlineData("2024-05-06", true)]
    [InlineData("2024-05-11", true)] // Saturday, make-up working day
    [InlineData("2024-05-12", false)]
    [InlineData("2024-06-07", true)]
    [InlineData("2024-06-08", false)] // Saturday
    [InlineData("2024-06-10", false)] // Monday, Dragon Boat Festival
    [InlineData("2024-06-11", true)]
    [InlineData("2024-09-13", true)]
    [InlineData("2024-09-14", true)] // Saturday, make-up working day
    [InlineData("2024-09-15", false)] // Mid-Autumn 9/15..9/17
    [InlineData("2024-09-17", false)]
    [InlineData("2024-09-18", true)]
    [InlineData("2024-09-29", true)] // Sunday, make-up working day
    [InlineData("2024-09-30", true)]
    [InlineData("2024-10-01", false)] // National Day 10/1..10/7
    [InlineData("2024-10-07", false)]
    [InlineData("2024-10-08", true)]
    [InlineData("2024-10-12", true)] // Saturday, make-up working day
    [InlineData("2024-10-13", false)]
    // 2025
    [InlineData("2024-12-31", true)]
    [InlineData("2025-01-01", false)]
    [InlineData("2025-01-02", true)]
    [InlineData("2025-01-26", true)] // Sunday, make-up working day
    [InlineData("2025-01-27", true)]
    [InlineData("2025-01-28", false)] // Spring Festival 1/28..2/4
    [InlineData("2025-02-04", false)]
    [InlineData("2025-02-05", true)]
    [InlineData("2025-02-08", true)] // Saturday, make-up working day
    [InlineData("2025-02-09", false)]
    [InlineData("2025-04-03", true)]
    [InlineData("2025-04-04", false)] // Qingming 4/4..4/6
    [InlineData("2025-04-06", false)]
    [InlineData("2025-04-07", true)]
    [InlineData("2025-04-27", true)] // Sunday, make-up working day
    [InlineData("2025-04-30", true)]
    [InlineData("2025-05-01", false)] // Labour Day 5/1..5/5
    [InlineData("2025-05-05", false)]
    [InlineData("2025-05-06", true)]
    [InlineData("2025-05-30", true)]
    [InlineData("2025-05-31", false)] // Dragon Boat 5/31..6/2
    [InlineData("2025-06-02", false)]
    [InlineData("2025-06-03", true)]
    [InlineData("2025-09-28", true)] // Sunday, make-up working day
    [InlineData("2025-09-30", true)]
    [InlineData("2025-10-01", false)] // National Day 10/1..10/8
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-09", true)]
    [InlineData("2025-10-11", true)] // Saturday, make-up working day
    [InlineData("2025-10-12", false)]
    // 2026
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)] // New Year 1/1..1/3
    [InlineData("2026-01-03", false)]
    [InlineData("2026-01-04", true)] // Sunday, make-up working day
    [InlineData("2026-01-05", true)]
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-14", true)] // Saturday, make-up working day
    [InlineData("2026-02-15", false)] // Spring Festival 2/15..2/23
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)] // Saturday, make-up working day
    [InlineData("2026-03-01", false)]
    [InlineData("2026-04-03", true)]
    [InlineData("2026-04-04", false)] // Qingming 4/4..4/6
    [InlineData("2026-04-06", false)]
    [InlineData("2026-04-07", true)]
    [InlineData("2026-04-30", true)]
    [InlineData("2026-05-01", false)] // Labour Day 5/1..5/5
    [InlineData("2026-05-05", false)]
    [InlineData("2026-05-06", true)]
    [InlineData("2026-05-09", true)] // Saturday, make-up working day
    [InlineData("2026-06-18", true)]
    [InlineData("2026-06-19", false)] // Dragon Boat 6/19..6/21
    [InlineData("2026-06-21", false)]
    [InlineData("2026-06-22", true)]
    [InlineData("2026-09-20", true)] // Sunday, make-up working day
    [InlineData("2026-09-24", true)]
    [InlineData("2026-09-25", false)] // Mid-Autumn 9/25..9/27
    [InlineData("2026-09-27", false)]
    [InlineData("2026-09-28", true)]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)] // National Day 10/1..10/7
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)] // Saturday, make-up working day
    [InlineData("2026-10-11", false)]
    public void IsWorkingDay_NationalCalendar_HolidaysAndMakeUpDays(string date, bool expected)
    {
        Assert.Equal(expected, _national.IsWorkingDay(Day(date)));
    }

    /// <summary>Every day of each holiday range POLICY.md lists is off, and every listed make-up day is worked.</summary>
    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("2024-02-10..2024-02-17", false)]
    [InlineData("2024-10-01..2024-10-07", false)]
    [InlineData("2025-01-28..2025-02-04", false)]
    [InlineData("2025-10-01..2025-10-08", false)]
    [InlineData("2026-02-15..2026-02-23", false)]
    [InlineData("2026-10-01..2026-10-07", false)]
    [InlineData("2024-02-04,2024-02-18,2024-04-07,2024-04-28,2024-05-11,2024-09-14,2024-09-29,2024-10-12", true)]
    [InlineData("2025-01-26,2025-02-08,2025-04-27,2025-09-28,2025-10-11", true)]
    [InlineData("2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10", true)]
    public void IsWorkingDay_EveryListedDay_AsListed(string days, bool working)
    {
        var list = days.Contains("..", StringComparison.Ordinal)
            ? Range(Day(days[..10]), Day(days[12..]))
            : days.Split(',').Select(Day);

        Assert.All(list, day => Assert.True(working == _national.IsWorkingDay(day), $"{day:yyyy-MM-dd}"));
    }

    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("2024-03-31", true)] // Xinjiang has no local days listed for 2024: not guessed
    [InlineData("2025-03-31", false)] // local days off 2025: 3/31, 6/6, 6/9, 6/10
    [InlineData("2025-06-05", true)]
    [InlineData("2025-06-06", false)]
    [InlineData("2025-06-09", false)]
    [InlineData("2025-06-10", false)]
    [InlineData("2025-06-11", true)]
    public void IsWorkingDay_Xinjiang_LocalDays2025Only(string date, bool expected)
    {
        if (Day(date).Year != 2025)
        {
            var error = Assert.Throws<InvalidOperationException>(() => _xinjiang.IsWorkingDay(Day(date)));
            Assert.Contains("calendar xinjiang year 2024 not covered", error.Message, StringComparison.Ordinal);
            Assert.Equal(new CalendarGap("xinjiang", 2024), _xinjiang.GapOn(Day(date)));
            return;
        }

        Assert.Equal(expected, _xinjiang.IsWorkingDay(Day(date)));
    }

    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("2024-01-02", 10, "2024-01-16")] // two plain weeks
    [InlineData("2024-02-05", 10, "2024-02-23")] // across Spring Festival, Sunday 2/18 worked
    [InlineData("2024-02-03", 10, "2024-02-21")] // applied on a Saturday; Sunday 2/4 is a make-up day
    [InlineData("2024-09-27", 10, "2024-10-16")] // across National Day, make-up days 9/29 and 10/12
    [InlineData("2024-12-24", 10, "2025-01-08")] // across the year end and New Year's Day: both years covered
    [InlineData("2025-01-24", 10, "2025-02-13")] // make-up days 1/26 and 2/8 around Spring Festival
    [InlineData("2025-12-24", 10, "2026-01-08")]
    [InlineData("2026-09-30", 10, "2026-10-20")] // National Day 2026, make-up day 10/10
    [InlineData("2026-02-13", 1, "2026-02-14")] // Friday → Saturday make-up day
    [InlineData("2024-05-06", 1, "2024-05-07")]
    [InlineData("2024-05-10", 1, "2024-05-11")] // Friday → Saturday make-up day
    [InlineData("2024-06-07", 0, "2024-06-07")]
    public void AddWorkingDays_NationalCalendar_Deadline(string start, int days, string expected)
    {
        var deadline = _national.AddWorkingDays(Day(start), days);

        Assert.Equal((Day(expected), (CalendarGap?)null), (deadline.Due, deadline.Gap));
    }

    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("2025-06-05", 10, "2025-06-24")] // 6/6, 6/9, 6/10 off in Xinjiang (national: 6/19)
    [InlineData("2025-03-28", 5, "2025-04-08")] // 3/31 off, Qingming 4/4
    [InlineData("2024-12-31", 1, "2025-01-02")] // the start day is not counted: 2024 is never needed
    [InlineData("2025-12-24", 5, "2025-12-31")] // the last covered day
    public void AddWorkingDays_XinjiangCoveredYear_Deadline(string start, int days, string expected)
    {
        var deadline = _xinjiang.AddWorkingDays(Day(start), days);

        Assert.Equal((Day(expected), (CalendarGap?)null), (deadline.Due, deadline.Gap));
    }

    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("2024-06-05", 5, "xinjiang", 2024)] // inside 2024: national covers it, Xinjiang does not
    [InlineData("2024-12-24", 10, "xinjiang", 2024)]
    [InlineData("2025-12-25", 5, "xinjiang", 2026)] // crosses 12-31 into a year Xinjiang does not cover
    [InlineData("2026-09-30", 10, "xinjiang", 2026)]
    [InlineData("2026-12-24", 10, "xinjiang", 2026)] // the first day counted, 2026-12-25, already lacks Xinjiang 2026 (before national 2027)
    public void AddWorkingDays_XinjiangUncoveredYear_UndeterminedNamingCalendarAndYear(string start, int days, string calendar, int year)
    {
        var deadline = _xinjiang.AddWorkingDays(Day(start), days);

        Assert.Null(deadline.Due);
        Assert.Equal(new CalendarGap(calendar, year), deadline.Gap);
        Assert.Equal($"calendar {calendar} year {year} not covered", deadline.Gap!.ToString());
    }

    [Fact]
    [Trait("clause", "2.(3)")]
    public void AddWorkingDays_NationalYearEndIntoUncoveredYear_UndeterminedNational2027()
    {
        var deadline = _national.AddWorkingDays(Day("2026-12-24"), 10);

        Assert.Equal((null, new CalendarGap("national", 2027)), (deadline.Due, deadline.Gap));
        Assert.Equal("$.calendar.coverage.national", deadline.Gap!.Path);
    }

    [Fact]
    [Trait("clause", "2.(3)")]
    public void IsWorkingDay_YearNotInFile_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _national.IsWorkingDay(Day("2027-01-04")));

        Assert.Contains("calendar national year 2027 not covered", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("2025-06-24", false, ClaimReasonCodes.InTime)]
    [InlineData("2025-06-25", true, ClaimReasonCodes.Overdue)]
    public void Check_ClaimInXinjiang_DueAfterTenWorkingDays(string asOf, bool overdue, string reason)
    {
        var deadline = new ClaimDeadlines(Policies.Draft).Check(Day("2025-06-05"), Day(asOf));

        Assert.Equal(Day("2025-06-24"), deadline.Due);
        Assert.Equal(10, deadline.WorkingDays);
        Assert.Equal(overdue, deadline.Overdue);
        Assert.Null(deadline.DueUndetermined);
        var check = Assert.Single(deadline.Explanation.Checks);
        Assert.Equal((reason, "10", "national,xinjiang"), (check.ReasonCode, check.Parameters["decision_working_days"], check.Parameters["calendar_regions"]));
    }

    /// <summary>Claims count on the national calendar plus Xinjiang's local days (claim.calendar_regions): Xinjiang covers 2025 only.</summary>
    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("2024-11-04", 2024)] // a claim of the programme year: Xinjiang's 2024 local days are not in the file
    [InlineData("2025-12-30", 2026)] // 12-31 counts, 2026-01-01 is in a year Xinjiang does not cover
    [InlineData("2026-12-24", 2026)]
    public void Check_ClaimThroughUncoveredXinjiangYear_UndeterminedNeverOverdue(string appliedOn, int year)
    {
        var deadline = new ClaimDeadlines(Policies.Draft).Check(Day(appliedOn), Day("2027-06-30"));

        Assert.Null(deadline.Due);
        Assert.False(deadline.Overdue);
        Assert.Equal(["$.calendar.coverage.xinjiang"], deadline.Explanation.MissingFacts);
        Assert.Equal(ClaimReasonCodes.CalendarMissing, deadline.Explanation.Checks[0].ReasonCode);
        Assert.Equal($"due date undetermined: calendar xinjiang year {year} not covered", deadline.DueUndetermined);
    }

    private static IEnumerable<DateOnly> Range(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

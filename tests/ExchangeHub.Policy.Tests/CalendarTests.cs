using System.Globalization;
using ExchangeHub.Policy.Calendar;
using ExchangeHub.Policy.Tests.Support;

namespace ExchangeHub.Policy.Tests;

/// <summary>2.(3): claims are decided within 10 working days; the application day is not counted; the calendar is data.</summary>
public sealed class CalendarTests
{
    private readonly WorkingDayCalendar _national = WorkingDayCalendar.For(Policies.Draft);

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("2024-02-04", true)] // Sunday, make-up working day
    [InlineData("2024-02-12", false)] // Monday, Spring Festival
    [InlineData("2024-06-08", false)] // Saturday
    [InlineData("2024-06-10", false)] // Monday, Dragon Boat Festival
    [InlineData("2024-06-11", true)]
    [InlineData("2024-10-12", true)] // Saturday, make-up working day
    [InlineData("2025-01-01", false)]
    [InlineData("2026-02-28", true)] // Saturday, make-up working day
    [InlineData("2026-06-19", false)] // Friday, Dragon Boat Festival
    public void IsWorkingDay_NationalCalendar_HolidaysAndMakeUpDays(string date, bool expected)
    {
        Assert.Equal(expected, _national.IsWorkingDay(Day(date)));
    }

    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("2024-01-02", 10, "2024-01-16")] // two plain weeks
    [InlineData("2024-02-05", 10, "2024-02-23")] // across Spring Festival, Sunday 2/18 worked
    [InlineData("2024-02-03", 10, "2024-02-21")] // applied on a Saturday; Sunday 2/4 is a make-up day
    [InlineData("2024-09-27", 10, "2024-10-16")] // across National Day, make-up days 9/29 and 10/12
    [InlineData("2024-12-24", 10, "2025-01-08")] // across the year end and New Year's Day
    [InlineData("2025-01-24", 10, "2025-02-13")] // make-up days 1/26 and 2/8 around Spring Festival
    [InlineData("2026-09-30", 10, "2026-10-20")] // National Day 2026, make-up day 10/10
    [InlineData("2024-05-06", 1, "2024-05-07")]
    [InlineData("2024-05-10", 1, "2024-05-11")] // Friday → Saturday make-up day
    [InlineData("2024-06-07", 0, "2024-06-07")]
    public void AddWorkingDays_NationalCalendar_Deadline(string start, int days, string expected)
    {
        Assert.Equal(Day(expected), _national.AddWorkingDays(Day(start), days));
    }

    [Fact]
    [Trait("clause", "2.(3)")]
    public void AddWorkingDays_XinjiangLocalDays_Skipped()
    {
        var xinjiang = WorkingDayCalendar.For(Policies.Draft, "xinjiang");

        Assert.Equal(Day("2025-06-19"), _national.AddWorkingDays(Day("2025-06-05"), 10));
        Assert.Equal(Day("2025-06-24"), xinjiang.AddWorkingDays(Day("2025-06-05"), 10));
        Assert.False(xinjiang.IsWorkingDay(Day("2025-03-31")));
    }

    [Fact]
    [Trait("clause", "2.(3)")]
    public void IsWorkingDay_YearNotInFile_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _national.IsWorkingDay(Day("2027-01-04")));

        Assert.Contains("$.calendar.national.2027", error.Message, StringComparison.Ordinal);
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
        Assert.Equal(reason, Assert.Single(deadline.Explanation.Checks).ReasonCode);
    }

    [Fact]
    [Trait("clause", "2.(3)")]
    public void Check_DeadlineBeyondCalendar_NamesMissingYear()
    {
        var deadline = new ClaimDeadlines(Policies.Draft).Check(Day("2026-12-24"), Day("2026-12-28"));

        Assert.Null(deadline.Due);
        Assert.Equal(["$.calendar.national.2027"], deadline.Explanation.MissingFacts);
        Assert.Equal(ClaimReasonCodes.CalendarMissing, deadline.Explanation.Checks[0].ReasonCode);
    }
}

using System.Globalization;

namespace ExchangeHub.Synthetic;

/// <summary>The dates and periods of one simulation, formatted as the contract writes them.</summary>
internal sealed class Calendar(SimulationScale scale)
{
    private readonly string[] _periods = Enumerable.Range(1, 12)
        .Select(m => new DateOnly(scale.AssessmentYear, m, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();

    private readonly string[] _periodKeys = Enumerable.Range(1, 12)
        .Select(m => new DateOnly(scale.AssessmentYear, m, 1).ToString("yyyyMM", CultureInfo.InvariantCulture)).ToArray();

    /// <summary>"YYYY-MM" of <paramref name="month"/> (1–12) of the assessment year.</summary>
    public string Period(int month) => _periods[month - 1];

    /// <summary>"YYYYMM" of <paramref name="month"/>, for source record ids.</summary>
    public string PeriodKey(int month) => _periodKeys[month - 1];

    /// <summary>When the premium of <paramref name="month"/> is due and received on time: the 15th of the month after.</summary>
    public DateOnly DueDate(int month) => new DateOnly(scale.AssessmentYear, month, 15).AddMonths(1);

    /// <summary>A day of the programme year: 0 is 1 January; never after 31 December.</summary>
    public DateOnly ProgrammeDay(int dayOfYear)
    {
        var first = new DateOnly(scale.ProgrammeYear, 1, 1);
        return first.AddDays(Math.Clamp(dayOfYear, 0, DateTime.IsLeapYear(scale.ProgrammeYear) ? 365 : 364));
    }

    public DateOnly LastProgrammeDay => new(scale.ProgrammeYear, 12, 31);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatPeriod(int monthIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{monthIndex / 12:D4}-{(monthIndex % 12) + 1:D2}");
}

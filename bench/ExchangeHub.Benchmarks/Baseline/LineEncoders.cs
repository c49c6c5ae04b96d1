using System.Globalization;
using ExchangeHub.Benchmarks.Data;

namespace ExchangeHub.Benchmarks.Baseline;

/// <summary>
/// A way the hub may have stored a field of a line. <see cref="Hints"/> are column-name fragments that prefer it;
/// a value that is the same on every line (<see cref="SameOnEveryLine"/>) only matches a column whose name has a hint.
/// </summary>
internal sealed record LineEncoder(
    string Description,
    string[] Hints,
    Func<ContributionRecord, string> Encode,
    bool SameOnEveryLine = false)
{
    public bool Hinted(string columnName) =>
        Hints.Any(h => columnName.Contains(h, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The encodings tried, in order, for each column of the hub's table.</summary>
internal static class LineEncoders
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<LineEncoder> All { get; } =
    [
        new("source_record_id", ["source", "record"], r => r.SourceRecordId),
        new("revision", ["revision", "version"], _ => ContributionRecord.Revision.ToString(Inv), true),
        new("uscc", ["uscc", "unit", "credit"], r => r.Uscc),
        new("resident_id", ["resident", "person", "identity"], r => r.ResidentId),
        new("period \"YYYY-MM\"", ["period", "month"], r => r.Period),
        new("period YYYYMM", ["period", "month"], r => (ContributionDataset.Year * 100 + r.MonthIndex + 1).ToString(Inv)),
        new("period \"YYYY-MM-01\"", ["period", "month"], r => r.PeriodStart.ToString("yyyy-MM-dd", Inv)),
        new("period as months since year 0", ["period", "month"], r => (ContributionDataset.Year * 12 + r.MonthIndex).ToString(Inv)),
        new("employer_amount_fen", ["employer"], r => r.EmployerAmountFen.ToString(Inv)),
        new("employee_amount_fen", ["employee"], r => r.EmployeeAmountFen.ToString(Inv)),
        new("wage_base_fen", ["wage", "base"], r => r.WageBaseFen.ToString(Inv)),
        new("employer + employee amount", ["total", "amount"], r => (r.EmployerAmountFen + r.EmployeeAmountFen).ToString(Inv)),
        new("kind as number", ["kind", "type"], _ => "1", true),
        new("kind \"REGULAR\"", ["kind", "type"], _ => "REGULAR", true),
        new("kind \"Regular\"", ["kind", "type"], _ => "Regular", true),
        new("kind \"regular\"", ["kind", "type"], _ => "regular", true),
        new("kind \"CONTRIBUTION_KIND_REGULAR\"", ["kind", "type"], _ => "CONTRIBUTION_KIND_REGULAR", true),
        new("received_date \"YYYY-MM-DD\"", ["received", "date"], r => r.ReceivedDateText),
        new("received_date YYYYMMDD", ["received", "date"], r => r.ReceivedDate.ToString("yyyyMMdd", Inv)),
        new("received_date as DateOnly.DayNumber", ["received", "date"], r => r.ReceivedDate.DayNumber.ToString(Inv)),
        new("received_date as Unix days", ["received", "date"], r => UnixDays(r.ReceivedDate).ToString(Inv)),
        new("received_date as Unix ms", ["received", "date"], r => (UnixDays(r.ReceivedDate) * 86_400_000L).ToString(Inv)),
        new("received_date as Unix s", ["received", "date"], r => (UnixDays(r.ReceivedDate) * 86_400L).ToString(Inv)),
        new("received_date \"YYYY-MM-DD 00:00:00\"", ["received", "date"], r => r.ReceivedDateText + " 00:00:00"),
        new("tax_office_code", ["office", "tax"], r => r.TaxOfficeCode),
        new("line number", ["id", "seq", "line"], r => r.LineNumber.ToString(Inv)),
    ];

    private static long UnixDays(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
}

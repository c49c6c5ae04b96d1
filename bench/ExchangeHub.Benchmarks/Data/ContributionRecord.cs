namespace ExchangeHub.Benchmarks.Data;

/// <summary>One generated contribution line, with its 1-based position in the run.</summary>
internal readonly record struct ContributionRecord(
    long LineNumber,
    string Uscc,
    string ResidentId,
    int MonthIndex,
    long WageBaseFen,
    long EmployerAmountFen,
    long EmployeeAmountFen,
    string TaxOfficeCode)
{
    public const int Revision = 1;

    public string SourceRecordId => "L" + LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Period => ContributionDataset.Periods[MonthIndex];

    public DateOnly PeriodStart => new(ContributionDataset.Year, MonthIndex + 1, 1);

    /// <summary>The 15th of the month after the period.</summary>
    public DateOnly ReceivedDate => PeriodStart.AddMonths(1).AddDays(14);

    public string ReceivedDateText => ContributionDataset.ReceivedDates[MonthIndex];
}

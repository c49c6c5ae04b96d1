namespace ExchangeHub.Policy.Refunds;

/// <summary>One pass over a unit's months: what the paid-months, arrears, deferral and layoff rules need.</summary>
internal sealed class MonthSummary
{
    /// <summary>Insured headcount per month of the assessment year, January at index 0.</summary>
    public int[] Headcount { get; } = new int[12];

    /// <summary>Distinct months up to December of Y−1 with premiums received and status SETTLED.</summary>
    public int PaidMonths { get; private set; }

    /// <summary>Months up to December of Y−1 still DEFERRED: paid months once paid up.</summary>
    public int DeferredUpToAssessmentEnd { get; private set; }

    public List<YearMonth> UnknownUpToAssessmentEnd { get; } = [];

    public List<YearMonth> Unknown { get; } = [];

    public List<YearMonth> Arrears { get; } = [];

    public List<YearMonth> Deferred { get; } = [];

    /// <summary>
    /// "FACTS" missing is not zero: months of Y−1 from the first month with insured persons through December that have
    /// neither lines nor a settlement status (absent from the facts). They are unknown, never 0 insured persons.
    /// </summary>
    public List<YearMonth> Missing { get; } = [];

    public static MonthSummary Of(IReadOnlyList<MonthFacts> months, int assessmentYear)
    {
        var summary = new MonthSummary();
        var seen = new HashSet<YearMonth>();
        var assessmentEnd = new YearMonth(assessmentYear, 12);
        foreach (var month in months)
        {
            if (!seen.Add(month.Period))
            {
                continue;
            }

            if (month.Period.Year == assessmentYear)
            {
                summary.Headcount[month.Period.Month - 1] = month.InsuredHeadcount;
            }

            var upToEnd = month.Period <= assessmentEnd;
            switch (month.Settlement)
            {
                case SettlementStatus.Settled when upToEnd && month.PremiumsReceived:
                    summary.PaidMonths++;
                    break;
                case SettlementStatus.Arrears:
                    summary.Arrears.Add(month.Period);
                    break;
                case SettlementStatus.Deferred:
                    summary.Deferred.Add(month.Period);
                    summary.DeferredUpToAssessmentEnd += upToEnd ? 1 : 0;
                    break;
                case null:
                    summary.Unknown.Add(month.Period);
                    if (upToEnd)
                    {
                        summary.UnknownUpToAssessmentEnd.Add(month.Period);
                    }

                    break;
            }
        }

        var first = Array.FindIndex(summary.Headcount, h => h > 0);
        for (var i = first; first >= 0 && i < 12; i++)
        {
            if (!seen.Contains(new YearMonth(assessmentYear, i + 1)))
            {
                summary.Missing.Add(new YearMonth(assessmentYear, i + 1));
            }
        }

        return summary;
    }
}

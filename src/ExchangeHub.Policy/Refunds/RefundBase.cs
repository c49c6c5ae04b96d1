namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// The refund base: employer + employee premiums of REGULAR and BACK_PAYMENT lines whose period is in Y−1. Excluded
/// (2.(1) item 2): late fees, and back payments of other years' arrears even when received during Y−1.
/// </summary>
public sealed record RefundBase(long BaseFen, long ExcludedLateFeesFen, long ExcludedOtherYearsFen)
{
    public static RefundBase Of(IEnumerable<ContributionSum> sums, int assessmentYear)
    {
        long included = 0, lateFees = 0, otherYears = 0;
        foreach (var sum in sums)
        {
            if (sum.Kind == LineKind.LateFee)
            {
                lateFees += sum.TotalFen;
            }
            else if (sum.PeriodYear != assessmentYear)
            {
                otherYears += sum.TotalFen;
            }
            else
            {
                included += sum.TotalFen;
            }
        }

        return new RefundBase(included, lateFees, otherYears);
    }
}

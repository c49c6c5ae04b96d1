namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// Received premiums of a unit summed per line kind and per year of the lines' period (not the year received): the raw
/// components of the refund base. The engine itself excludes late fees and other years' back payments (2.(1) item 2).
/// </summary>
public sealed record ContributionSum(LineKind Kind, int PeriodYear, long EmployerFen, long EmployeeFen)
{
    public long TotalFen => EmployerFen + EmployeeFen;
}

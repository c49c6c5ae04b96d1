using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Rates.RateReasonCodes;

namespace ExchangeHub.Policy.Rates;

/// <summary>
/// 1.(1) RATE: a line carrying the wage base must have amounts round(base × rate) ± 1 fen per side, for the rate in
/// force in the line's period (looked up on the first day of the period month).
/// </summary>
public sealed class ContributionRateCheck(PolicySet policy)
{
    public const long ToleranceFen = 1;

    public ContributionRateResult Check(YearMonth period, long wageBaseFen, long employerFen, long employeeFen)
    {
        var inputs = Values.Of(
            ("period", period.ToString()),
            ("wage_base_fen", Values.Text(wageBaseFen)),
            ("employer_fen", Values.Text(employerFen)),
            ("employee_fen", Values.Text(employeeFen)));
        var employerRate = policy.ContributionRate.Employer.At(period.FirstDay);
        var employeeRate = policy.ContributionRate.Employee.At(period.FirstDay);
        if (employerRate is null || employeeRate is null)
        {
            var missing = new RuleCheck(RuleRate, "1.(1)", NoRateInForce, false, inputs, Values.None, $"no rate in force for {period}", employerRate is null ? policy.ContributionRate.Employer.Path : policy.ContributionRate.Employee.Path);
            return new ContributionRateResult(RateCheckStatus.Undetermined, null, null, missing);
        }

        var expectedEmployer = Money.ApplyRate(wageBaseFen, employerRate.Value);
        var expectedEmployee = Money.ApplyRate(wageBaseFen, employeeRate.Value);
        var employerOk = Math.Abs(employerFen - expectedEmployer) <= ToleranceFen;
        var employeeOk = Math.Abs(employeeFen - expectedEmployee) <= ToleranceFen;
        var reason = (employerOk, employeeOk) switch
        {
            (true, true) => Matches,
            (false, true) => EmployerMismatch,
            (true, false) => EmployeeMismatch,
            _ => BothMismatch,
        };
        var parameters = Values.Of(
            ("employer_rate", Values.Text(employerRate.Value)),
            ("employee_rate", Values.Text(employeeRate.Value)),
            ("tolerance_fen", Values.Text(ToleranceFen)));
        var check = new RuleCheck(RuleRate, "1.(1)", reason, employerOk && employeeOk, inputs, parameters, $"expected employer {expectedEmployer} fen, employee {expectedEmployee} fen (±{ToleranceFen})");
        return new ContributionRateResult(employerOk && employeeOk ? RateCheckStatus.Ok : RateCheckStatus.Mismatch, expectedEmployer, expectedEmployee, check);
    }
}

namespace ExchangeHub.Policy.Rates;

/// <summary>Rule id and stable reason codes of the unemployment-insurance rate check (1.(1)).</summary>
public static class RateReasonCodes
{
    public const string RuleRate = "RATE";

    public const string Matches = "RATE_MATCHES";
    public const string EmployerMismatch = "RATE_EMPLOYER_MISMATCH";
    public const string EmployeeMismatch = "RATE_EMPLOYEE_MISMATCH";
    public const string BothMismatch = "RATE_BOTH_MISMATCH";
    public const string NoRateInForce = "RATE_NO_PARAMETER";
}

namespace ExchangeHub.Policy.Calendar;

/// <summary>Rule id and stable reason codes of the benefit-claim time limit (2.(3)).</summary>
public static class ClaimReasonCodes
{
    public const string RuleTimeLimit = "CLAIM_TIME_LIMIT";

    public const string InTime = "CLAIM_IN_TIME";
    public const string Overdue = "CLAIM_OVERDUE";
    public const string CalendarMissing = "CLAIM_CALENDAR_MISSING";
}

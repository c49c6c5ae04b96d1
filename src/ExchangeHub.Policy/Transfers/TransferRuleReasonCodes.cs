namespace ExchangeHub.Policy.Transfers;

/// <summary>Rule ids and stable reason codes of a transfer-out's decision (2.(4)): the fund that moves and the time to act.</summary>
public static class TransferRuleReasonCodes
{
    public const string RuleFund = "TRANSFER_FUND";
    public const string RuleTimeLimit = "TRANSFER_TIME_LIMIT";

    /// <summary>At least the minimum months were paid here: 1.5 × monthly benefit × months due moves.</summary>
    public const string FundMoves = "TRANSFER_FUND_MOVES";

    /// <summary>Fewer months paid here than the minimum: no money moves (the periods still do).</summary>
    public const string FundBelowMinimumMonths = "TRANSFER_FUND_BELOW_MINIMUM_MONTHS";

    /// <summary>No fund parameter in force on the request date: the fund is not guessed.</summary>
    public const string FundParameterMissing = "TRANSFER_FUND_PARAMETER_MISSING";

    /// <summary>The last day to act is known.</summary>
    public const string ActDue = "TRANSFER_ACT_DUE";

    /// <summary>No time limit in force, or a calendar that does not cover a year the count runs through: due date undetermined.</summary>
    public const string CalendarMissing = "TRANSFER_CALENDAR_MISSING";
}

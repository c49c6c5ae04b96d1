namespace ExchangeHub.Server.Storage;

/// <summary>
/// A transfer the hub handles with the national transfer system (table <c>transfer_cases</c>): an incoming request
/// accepted or refused by the operator, or a transfer-out the hub requested. The resident id is stored to read the
/// person's facts; events name the person by <see cref="PersonKey"/> only.
/// </summary>
public sealed class TransferCaseRow
{
    public long Id { get; set; }
    /// <summary>The national system's source record id of an incoming request; a UUID for a transfer-out.</summary>
    public string TransferId { get; set; } = "";
    /// <summary>IN or OUT.</summary>
    public string Direction { get; set; } = "";
    public string PersonKey { get; set; } = "";
    public string ResidentId { get; set; } = "";
    public string CounterpartProvinceCode { get; set; } = "";
    /// <summary>REQUESTED, ACCEPTED, SENT, RECEIVED, COMPLETED or REFUSED.</summary>
    public string Status { get; set; } = "";
    /// <summary>A transfer reason code when REFUSED.</summary>
    public string? ReasonCode { get; set; }
    public int MonthsPaidHere { get; set; }
    public long FundAmountFen { get; set; }
    public DateOnly RequestedOn { get; set; }
    /// <summary>Transfer-out: the last day to act (5 working days, 2.(4)); null for a transfer-in or when undetermined.</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>
    /// Transfer-out whose <see cref="DueOn"/> is null: why (2.(3) calendar coverage, e.g. "due date undetermined: calendar
    /// xinjiang year 2026 not covered"); the deadline check skips the case. Null otherwise.
    /// </summary>
    public string? DueUndetermined { get; set; }
    public bool DeadlineNotified { get; set; }
    /// <summary>
    /// The business date the current status is true from (FACTS: a transfer's state on D comes from status dates, not
    /// from when the hub was told): the national system's status date, the request date of a REQUESTED transfer-out,
    /// the operator's decision day of ACCEPTED or REFUSED. The current status only: the state on D as known at T is read
    /// from the history, <see cref="TransferCaseStatusRow"/>.
    /// </summary>
    public DateOnly StatusDate { get; set; }
    public long UpdatedAtUnixMs { get; set; }
    /// <summary>The facts the hub decided the case on (canonical JSON, Transfers/TransferFactsJson), for replay (3.(4)).</summary>
    public string FactsJson { get; set; } = "";
    /// <summary>The policy stamp the case was decided under.</summary>
    public string PolicyVersion { get; set; } = "";
    /// <summary>
    /// Transfer-out: the rules it was decided by (Common/ExplanationJson: the fund's <c>TRANSFER_FUND_MOVES</c> or
    /// <c>TRANSFER_FUND_BELOW_MINIMUM_MONTHS</c> and the time limit, clause 2.(4)); "[]" for an incoming request (the
    /// operator's choice, not a rule) and for cases stored before the column existed.
    /// </summary>
    public string Explanation { get; set; } = "[]";
}

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// A unit's refund case for a program year, as the workflow sees it. <see cref="AmountFen"/> is the amount offered,
/// and once the disbursement is approved, the amount approved (adjusted by later settlements). <see cref="OfferedOn"/>
/// is the business date the offer was made on (the decision date D of the run or the application that made it), which
/// reminders count from; <see cref="FrozenDecisionDate"/> is the D of the decision the unit confirmed, set once the
/// disbursement is approved: every later settlement decides the unit as of that date (2.(1) "Decision (settlement)").
/// </summary>
public sealed record RefundCase(
    string Uscc,
    int ProgramYear,
    RefundState State,
    long CurrentDecisionId,
    DateOnly? OfferedOn,
    int RemindersSent,
    DateOnly? LastReminderOn,
    long? AmountFen,
    DateOnly? AppliedOn = null,
    DateOnly? WaivedOn = null,
    DateOnly? FrozenDecisionDate = null);

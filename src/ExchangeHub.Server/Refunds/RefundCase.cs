namespace ExchangeHub.Server.Refunds;

/// <summary>
/// A unit's refund case for a program year, as the workflow sees it. <see cref="AmountFen"/> is the amount offered,
/// and once the disbursement is approved, the amount approved (adjusted by later settlements).
/// </summary>
public sealed record RefundCase(
    string Uscc,
    int ProgramYear,
    RefundState State,
    long CurrentDecisionId,
    DateOnly? OfferedOn,
    int RemindersSent,
    DateOnly? LastReminderOn,
    long? AmountFen);

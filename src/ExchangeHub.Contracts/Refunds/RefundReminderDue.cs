using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>An offered unit has not answered within the configured working days: the bureau contacts it (2.(1)).</summary>
[MessageUrn("exchangehub.v1:RefundReminderDue")]
[EntityName("exchangehub.v1.refund-reminder-due")]
public sealed record RefundReminderDue : RefundWorkflowEvent
{
    /// <summary>1 for the first reminder, 2 for the second, … up to the configured limit.</summary>
    public required int Reminder { get; init; }

    /// <summary>When the offer was made.</summary>
    public required DateOnly OfferedOn { get; init; }

    /// <summary>The refund offered, in fen.</summary>
    public required long AmountFen { get; init; }
}

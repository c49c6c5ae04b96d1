using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>On confirmation the disbursement is approved (2.(1)): the finance system pays <see cref="AmountFen"/>.</summary>
[MessageUrn("exchangehub.v1:RefundDisbursementApproved")]
[EntityName("exchangehub.v1.refund-disbursement-approved")]
public sealed record RefundDisbursementApproved : RefundWorkflowEvent
{
    /// <summary>The amount to pay, in fen.</summary>
    public required long AmountFen { get; init; }

    /// <summary>Business date of the approval: the confirmation's date.</summary>
    public DateOnly? ApprovedOn { get; init; }

    /// <summary>The approved decision's decision date D, now frozen: later settlements decide the refund as of it.</summary>
    public DateOnly? DecisionDate { get; init; }
}

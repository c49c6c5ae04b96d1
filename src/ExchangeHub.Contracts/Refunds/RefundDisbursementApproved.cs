namespace ExchangeHub.Contracts.Refunds;

/// <summary>On confirmation the disbursement is approved (2.(1)): the finance system pays <see cref="AmountFen"/>.</summary>
public sealed record RefundDisbursementApproved : RefundWorkflowEvent
{
    /// <summary>The amount to pay, in fen.</summary>
    public required long AmountFen { get; init; }
}

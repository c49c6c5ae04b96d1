namespace ExchangeHub.Server.Storage;

/// <summary>A vocational-training subsidy paid for a certificate (table <c>training_subsidy_payments</c>).</summary>
public sealed class TrainingSubsidyPaymentRow : FeedRow
{
    public string CertificateNumber { get; set; } = "";
    /// <summary>1 UNIT, 2 PERSON (the proto's SubsidyRecipientKind).</summary>
    public int RecipientKind { get; set; }
    /// <summary>The unit's USCC or the person's resident id.</summary>
    public string RecipientId { get; set; } = "";
    public long AmountFen { get; set; }
    public DateOnly PaidDate { get; set; }
    /// <summary>Orders two subsidies paid the same day; null when the paying ledger did not say.</summary>
    public long? LedgerSequence { get; set; }
}

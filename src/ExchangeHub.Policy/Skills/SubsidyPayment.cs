namespace ExchangeHub.Policy.Skills;

/// <summary>
/// A subsidy paid for a certificate. <see cref="LedgerSequence"/> orders two payments made on the same day; without
/// it such a tie cannot be decided.
/// </summary>
public sealed record SubsidyPayment(
    SubsidyKind Kind,
    string CertificateNumber,
    RecipientKind RecipientKind,
    string RecipientId,
    long AmountFen,
    DateOnly PaidOn,
    long? LedgerSequence = null);

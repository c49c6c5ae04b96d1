namespace ExchangeHub.Policy.Skills;

/// <summary>
/// A subsidy paid for a certificate. <see cref="RecordedAtUnixMs"/> is when the hub recorded it (a training payment's
/// first recording, a skill grant's decision): two payments made on the same day are ordered by it (1.(3) Decision
/// "paid the same day: the one the hub recorded later is the later"); without it such a tie cannot be decided.
/// </summary>
public sealed record SubsidyPayment(
    SubsidyKind Kind,
    string CertificateNumber,
    RecipientKind RecipientKind,
    string RecipientId,
    long AmountFen,
    DateOnly PaidOn,
    long? RecordedAtUnixMs = null);

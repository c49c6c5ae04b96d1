namespace ExchangeHub.Server.Facts;

/// <summary>
/// The newest stored vocational-training subsidy payment for a certificate; RecipientKind 1 UNIT, 2 PERSON.
/// <see cref="RecordedAtUnixMs"/>: when the hub first recorded the payment (its first version), which orders it against a
/// skill grant paid the same day (1.(3) SKILL_NO_DOUBLE Decision).
/// </summary>
public sealed record StoredTrainingPayment(string CertificateNumber, int RecipientKind, string RecipientId, long AmountFen, DateOnly PaidOn,
    long? LedgerSequence, long RecordedAtUnixMs);

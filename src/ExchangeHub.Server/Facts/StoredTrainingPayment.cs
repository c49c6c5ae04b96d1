namespace ExchangeHub.Server.Facts;

/// <summary>The newest stored vocational-training subsidy payment for a certificate; RecipientKind 1 UNIT, 2 PERSON.</summary>
public sealed record StoredTrainingPayment(string CertificateNumber, int RecipientKind, string RecipientId, long AmountFen, DateOnly PaidOn,
    long? LedgerSequence);

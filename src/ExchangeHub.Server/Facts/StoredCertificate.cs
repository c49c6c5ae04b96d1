namespace ExchangeHub.Server.Facts;

/// <summary>The newest stored record of a certificate number. The resident id stays in memory: it is never stored with a decision.</summary>
public sealed record StoredCertificate(string Number, string ResidentId, string OccupationCode, int Level, DateOnly IssuedOn);

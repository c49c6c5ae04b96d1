namespace ExchangeHub.Server.Facts;

/// <summary>A benefit claim of the person applied for on or before the decision date and not decided (no decision, or UNDETERMINED).</summary>
public sealed record PendingClaim(string ClaimId, DateOnly AppliedOn);

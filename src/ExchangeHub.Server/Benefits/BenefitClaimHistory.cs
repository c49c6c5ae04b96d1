using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Benefits;

/// <summary>A claim with every decision made of it (current first, then newest first) and whether it is overdue today.</summary>
public sealed record BenefitClaimHistory(StoredClaim Claim, IReadOnlyList<BenefitDecisionEntry> Decisions, bool Overdue);

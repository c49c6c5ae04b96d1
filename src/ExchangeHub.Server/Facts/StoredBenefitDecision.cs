namespace ExchangeHub.Server.Facts;

/// <summary>A claim's current benefit decision, as the next decision compares against it.</summary>
public sealed record StoredBenefitDecision(long Id, string Outcome, int MaxMonths, int CarriedOverMonths, int ConsolidatedInsuredMonths, DateOnly DecidedOn,
    string FactsSha256, string PolicyVersion);

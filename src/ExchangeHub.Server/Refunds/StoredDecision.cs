namespace ExchangeHub.Server.Refunds;

/// <summary>The current stored decision of a unit: what a new decision is compared with.</summary>
public sealed record StoredDecision(long Id, string Uscc, string Outcome, long AmountFen, string FactsSha256, string PolicyVersion,
    string DecisionDate, string Facts);

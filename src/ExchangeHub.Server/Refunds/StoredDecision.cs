namespace ExchangeHub.Server.Refunds;

/// <summary>
/// The current stored decision of a unit: what a new decision is compared with, and for an approved refund what a
/// settlement compares with (its rate, base and size class as stored: "0.6", "MEDIUM", "PROVISIONAL").
/// </summary>
public sealed record StoredDecision(long Id, string Uscc, string Outcome, long AmountFen, string FactsSha256, string PolicyVersion,
    string DecisionDate, string Facts, string Rate = "", long BaseFen = 0, string SizeClass = "", string SizeClassSource = "");

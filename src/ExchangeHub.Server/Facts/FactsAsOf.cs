namespace ExchangeHub.Server.Facts;

/// <summary>
/// The point a decision is taken at ("FACTS"): valid time — the decision date D (China Standard Time), so a record
/// dated after D never counts — and knowledge time T, the instant whose recorded versions count (a version recorded
/// after T does not; one superseded after T still does). A decision stores both, so it can be taken again as it was.
/// </summary>
public sealed record FactsAsOf(DateOnly DecisionDate, long KnowledgeTimeUnixMs);

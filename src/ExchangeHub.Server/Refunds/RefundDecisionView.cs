namespace ExchangeHub.Server.Refunds;

/// <summary>
/// A stored refund decision as the read side returns it (<see cref="RefundContract"/> maps it to the reply).
/// <see cref="ExplanationJson"/> is null when a listing leaves the explanation out.
/// </summary>
public sealed record RefundDecisionView(
    long DecisionId,
    string Uscc,
    int ProgramYear,
    string Outcome,
    long AmountFen,
    string Rate,
    long BaseFen,
    string SizeClass,
    string SizeClassSource,
    string DivisionCode,
    string PolicyId,
    string PolicyVersion,
    string FactsSha256,
    long DecidedAtUnixMs,
    string SupersedeReason,
    string RunId,
    DateOnly DecisionDate,
    long KnowledgeTimeUnixMs,
    string? ExplanationJson);

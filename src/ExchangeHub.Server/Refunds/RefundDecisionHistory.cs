namespace ExchangeHub.Server.Refunds;

/// <summary>A unit's decisions for a program year: the newest, its case's state (null without a case) and the earlier ones, newest first.</summary>
public sealed record RefundDecisionHistory(RefundDecisionView? Current, RefundState? State, IReadOnlyList<RefundDecisionView> Earlier);

namespace ExchangeHub.Server.Reconciliation;

/// <summary>A stored exception of a run; <see cref="Period"/> is yyyymm when it concerns one month.</summary>
public sealed record ReconciliationExceptionView(long Id, string RunId, string Code, string SubjectKey, int? Period, string Detail);

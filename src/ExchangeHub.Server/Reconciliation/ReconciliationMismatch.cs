namespace ExchangeHub.Server.Reconciliation;

/// <summary>One reconciliation exception found by a run (see <see cref="ExceptionCodes"/>); <see cref="Period"/> is yyyymm when it concerns one month.</summary>
public sealed record ReconciliationMismatch(string Code, string SubjectKey, int? Period, string Detail);

namespace ExchangeHub.Server.Reconciliation;

/// <summary>
/// A stored run as the read side returns it (<see cref="ReconciliationContract"/> maps it to the reply), with what its
/// decisions amount to (<see cref="Common.IRunAmounts"/>).
/// </summary>
public sealed record ReconciliationRunView(
    string RunId,
    int ProgramYear,
    DateOnly? DecisionDate,
    string Status,
    string RequestedBy,
    long StartedAtUnixMs,
    long? CompletedAtUnixMs,
    int Units,
    int Decided,
    int Unchanged,
    int Eligible,
    int Ineligible,
    int Held,
    int Undetermined,
    int Exceptions,
    long AmountFen,
    string PolicyId,
    string PolicyVersion,
    string Error,
    Common.RunAmounts Amounts);

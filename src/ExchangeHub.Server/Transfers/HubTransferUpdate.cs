namespace ExchangeHub.Server.Transfers;

/// <summary>
/// One of the hub's own status changes (<see cref="TransferQueries.HubUpdatesAsync"/>): the case, the status the hub gave
/// it (<see cref="TransferTransitions.HubStatus"/>) and its cursor, the case's row id.
/// </summary>
public sealed record HubTransferUpdate(long Cursor, StoredTransfer Transfer, TransferCaseStatus Status);

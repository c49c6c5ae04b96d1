using System.ComponentModel.DataAnnotations;
using MassTransit;

namespace ExchangeHub.Contracts.Transfers;

/// <summary>The national transfer system reported a new status of a transfer.</summary>
[MessageUrn("exchangehub.v1:TransferStatusChanged")]
[EntityName("exchangehub.v1.transfer-status-changed")]
public sealed record TransferStatusChanged : TransferEvent
{
    /// <summary>The status before: REQUESTED, ACCEPTED, SENT or RECEIVED.</summary>
    [AllowedValues("REQUESTED", "ACCEPTED", "SENT", "RECEIVED")]
    public required string OldStatus { get; init; }

    /// <summary>The status now: SENT, RECEIVED, COMPLETED or REFUSED.</summary>
    [AllowedValues("SENT", "RECEIVED", "COMPLETED", "REFUSED")]
    public required string NewStatus { get; init; }

    /// <summary>With REFUSED: the concrete reason code; otherwise null.</summary>
    public string? ReasonCode { get; init; }
}

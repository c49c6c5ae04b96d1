using System.ComponentModel.DataAnnotations;
using MassTransit;

namespace ExchangeHub.Contracts.Transfers;

/// <summary>
/// What every event about a cross-province transfer (2.(4) TRANSFER) carries. The person is named only by the
/// pseudonymous <see cref="PersonKey"/> (also <see cref="HubEvent.SubjectKey"/>), never by the resident id.
/// </summary>
[MessageUrn("exchangehub.v1:TransferEvent")]
[ExcludeFromTopology]
public abstract record TransferEvent : HubEvent
{
    /// <summary>The transfer id: the national system's id of an incoming request, a UUID for a transfer-out.</summary>
    public required string TransferId { get; init; }

    /// <summary>The person's pseudonymous key: HMAC-SHA256 of the resident id with the hub's secret, 32 hex characters.</summary>
    public required string PersonKey { get; init; }

    /// <summary>IN or OUT.</summary>
    [AllowedValues("IN", "OUT")]
    public required string Direction { get; init; }

    /// <summary>The counterpart province (GB/T 2260).</summary>
    public required string CounterpartProvinceCode { get; init; }
}

using MassTransit;

namespace ExchangeHub.Contracts;

/// <summary>The fields of <see cref="IHubEvent"/>, as a base for the concrete events.</summary>
[MessageUrn("exchangehub.v1:HubEvent")]
[ExcludeFromTopology]
public abstract record HubEvent : IHubEvent
{
    /// <inheritdoc />
    public required Guid EventId { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }

    /// <inheritdoc />
    public required string PolicyId { get; init; }

    /// <inheritdoc />
    public required string PolicyVersion { get; init; }

    /// <inheritdoc />
    public required string SubjectKey { get; init; }

    /// <inheritdoc />
    public required string CorrelationId { get; init; }
}

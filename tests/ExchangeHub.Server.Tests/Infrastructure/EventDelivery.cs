namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>One event as a subscriber received it: the MassTransit envelope's ids and the event's own fields.</summary>
public sealed record EventDelivery(
    Guid MessageId,
    Guid EventId,
    string SubjectKey,
    long DecisionId,
    IReadOnlyList<string> MessageTypes,
    string Exchange,
    bool Redelivered,
    string CorrelationId);

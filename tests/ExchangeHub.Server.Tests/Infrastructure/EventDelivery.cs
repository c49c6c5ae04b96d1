namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>
/// One event as a subscriber received it: the MassTransit envelope's ids, the event's own fields, and the AMQP
/// <c>traceparent</c> header (null when absent).
/// </summary>
public sealed record EventDelivery(
    Guid MessageId,
    Guid EventId,
    string SubjectKey,
    long DecisionId,
    IReadOnlyList<string> MessageTypes,
    string Exchange,
    bool Redelivered,
    string CorrelationId,
    string? TraceParent = null);

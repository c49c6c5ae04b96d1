using RabbitMQ.Client;

namespace ExchangeHub.Server.Outbox;

/// <summary>One row as the direct path puts it on the wire (<see cref="OutboxPublisher.Prepare"/>): exchange, properties, envelope.</summary>
internal sealed record DirectMessage(string Exchange, BasicProperties Properties, byte[] Body);

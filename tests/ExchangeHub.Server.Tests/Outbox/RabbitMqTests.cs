namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>Tests that use (and some that stop) the one local RabbitMQ node: never run in parallel with each other.</summary>
[CollectionDefinition("rabbitmq", DisableParallelization = true)]
public sealed class RabbitMqTests;

using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Outbox;

/// <summary>Registers the durable outbox: the writer, the relay, MassTransit over RabbitMQ and the <c>outbox</c> health check.</summary>
public static class Extensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section)
            // The relay's unset switches by storage: the pipelined relay (direct path) on SQLite, rounds on PostgreSQL.
            .PostConfigure<IOptions<Configuration.HubOptions>>((o, hub) => o.Resolve(hub.Value.Storage.Provider != Configuration.StorageProvider.Postgres))
            // Checked only where the relay runs (Enabled): a hub that only writes the outbox may share the relay's settings.
            .Validate(o => !o.Enabled || !o.PipelinedLoop || o.Direct,
                "Hub:Messaging:Pipelined needs Hub:Messaging:DirectPublish = true: the pipelined relay publishes on its own channel")
            // The pipelined relay reads rows in sequence order without claiming them: two replicas would publish the same rows.
            .Validate<IOptions<Configuration.HubOptions>>((o, hub) => !o.Enabled || !o.PipelinedLoop || hub.Value.Storage.Provider != Configuration.StorageProvider.Postgres,
                "Hub:Messaging:Pipelined is not supported on PostgreSQL (it does not claim rows, so replicas would publish the same rows); use the default relay")
            .Validate(o => o.PipelineWindow is >= 1 and <= 65536, "Hub:Messaging:PipelineWindow must be between 1 and 65536")
            .ValidateOnStart();
        services.AddSingleton<PipelinedRelay>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxChannel>();
        services.AddSingleton<OutboxPublisher>();

        // No consumers: the hub only publishes. The bus starts in the background and MassTransit keeps reconnecting,
        // so the hub starts and serves feeds while RabbitMQ is down; the relay's publishes wait (with a timeout).
        services.AddMassTransit(bus =>
        {
            // A broker that is away degrades the hub, it does not stop it: gRPC health stays SERVING (Degraded maps
            // to SERVING) while the "masstransit-bus" and "outbox" checks tell operators that events are waiting.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.MinimalFailureStatus = HealthStatus.Degraded;
            });
            // MassTransit 8.4+ reports its configuration to usage-tracking.masstransit.io unless told not to (the bench
            // logged the failed call on this offline machine): an inter-agency hub makes no calls its operators did
            // not configure. (The MASSTRANSIT_USAGE_TELEMETRY variable could switch it on again; nothing here sets it.)
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var messaging = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                rabbit.Host(messaging.RabbitMqUri, host => host.PublisherConfirmation = true);
                // Every event's pinned exchange ([EntityName], docs/events.asyncapi.yaml) is declared when the bus
                // starts, not at its first publish: subscribers can bind before the first event, and the catalogue
                // test checks the exchanges on the broker.
                rabbit.AddPublishMessageTypes(EventTypes.All);
                rabbit.DeployPublishTopology = true;
            });
        });
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = false;
            host.StopTimeout = TimeSpan.FromSeconds(10);
        });

        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<OutboxGauges>();
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox", failureStatus: HealthStatus.Degraded);
        return services;
    }
}

// A sample subscriber of ExchangeHub's events (README.md beside this file): MassTransit over RabbitMQ, one quorum
// queue bound to the exchanges of the event types it consumes, repeats skipped by EventId, one log line per event,
// and /healthz for the container's health check (`dotnet ExchangeHub.SampleSubscriber.dll probe`).
using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Benefits;
using ExchangeHub.Contracts.Refunds;
using ExchangeHub.Contracts.Transfers;
using ExchangeHub.SampleSubscriber;
using MassTransit;

var healthUrl = new Uri(Environment.GetEnvironmentVariable("HEALTH_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:8080");
if (args is ["probe", ..])
{
    return await HealthProbe.RunAsync(args.Length > 1 ? new Uri(args[1]) : healthUrl);
}

var settings = SubscriberSettings.FromEnvironment(Environment.GetEnvironmentVariable);
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(healthUrl.ToString());
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.UseUtcTimestamp = true;
    console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
});
builder.Services.AddSingleton(new ProcessedEvents());
builder.Services.AddMassTransit(bus =>
{
    bus.AddConsumer<HubEventConsumer<RefundOffered>>();
    bus.AddConsumer<HubEventConsumer<RefundIneligible>>();
    bus.AddConsumer<HubEventConsumer<RefundHeldForDeferral>>();
    bus.AddConsumer<HubEventConsumer<BenefitGranted>>();
    bus.AddConsumer<HubEventConsumer<TransferDeadlineMissed>>();
    bus.AddConsumer<HubEventConsumer<ReconciliationCompleted>>();
    bus.UsingRabbitMq((context, rabbit) =>
    {
        rabbit.Host(settings.Host, settings.Port, settings.VirtualHost, host =>
        {
            host.Username(settings.User);
            host.Password(settings.Password);
        });
        // One queue for this subscriber. MassTransit binds it to the exchange of each consumed type, the exchanges the
        // hub publishes to (exchangehub.v1.refund-offered, …: the pinned names of docs/events.asyncapi.yaml). Quorum: replicated on a RabbitMQ cluster,
        // and it survives a node's loss without losing acknowledged-by-the-broker events.
        rabbit.ReceiveEndpoint(settings.Queue, endpoint =>
        {
            endpoint.SetQuorumQueue();
            if (settings.QueueExpires is { } expires)
            {
                endpoint.SetQueueArgument("x-expires", (long)expires.TotalMilliseconds);
            }
            endpoint.ConfigureConsumer<HubEventConsumer<RefundOffered>>(context);
            endpoint.ConfigureConsumer<HubEventConsumer<RefundIneligible>>(context);
            endpoint.ConfigureConsumer<HubEventConsumer<RefundHeldForDeferral>>(context);
            endpoint.ConfigureConsumer<HubEventConsumer<BenefitGranted>>(context);
            endpoint.ConfigureConsumer<HubEventConsumer<TransferDeadlineMissed>>(context);
            endpoint.ConfigureConsumer<HubEventConsumer<ReconciliationCompleted>>(context);
        });
    });
});

var app = builder.Build();
// MassTransit's bus check: Healthy once the bus is connected and the receive endpoint consumes (503 otherwise).
app.MapHealthChecks("/healthz");
await app.RunAsync();
return 0;

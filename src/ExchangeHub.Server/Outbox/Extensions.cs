namespace ExchangeHub.Server.Outbox;

/// <summary>Registers the durable outbox.</summary>
public static class Extensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxWriter>();
        return services;
    }
}

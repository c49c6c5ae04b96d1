using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Transfers;

/// <summary>Registers the transfer workflow with the national transfer system (2.(4)).</summary>
public static class Extensions
{
    public static IServiceCollection AddTransfers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TransferOptions>()
            .Bind(configuration.GetSection("Hub:Transfers"))
            .Validate(o => o.DeadlineCheckInterval >= TimeSpan.FromSeconds(1) && o.DeadlineCheckInterval <= TimeSpan.FromDays(1),
                "Hub:Transfers:DeadlineCheckInterval must be between 00:00:01 and 1.00:00:00 (PeriodicTimer and the daily 2.(4) deadline).")
            .ValidateOnStart();
        services.AddSingleton<TransferQueries>();
        services.AddSingleton<TransferWorkflow>();
        services.AddSingleton<TransferReplay>();
        services.AddSingleton<IPersonFileSection, TransferPersonFileSection>();
        services.AddHostedService<TransferDeadlineService>();
        return services;
    }

    public static IEndpointRouteBuilder MapTransfers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<TransferGrpcService>();
        return endpoints;
    }
}

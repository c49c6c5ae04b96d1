namespace ExchangeHub.Server.Transfers;

/// <summary>Registers the transfer workflow with the national transfer system (2.(4)).</summary>
public static class Extensions
{
    public static IServiceCollection AddTransfers(this IServiceCollection services)
    {
        services.AddSingleton<TransferWorkflow>();
        return services;
    }

    public static IEndpointRouteBuilder MapTransfers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<TransferGrpcService>();
        return endpoints;
    }
}

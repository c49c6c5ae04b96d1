namespace ExchangeHub.Server.Reconciliation;

/// <summary>Registers reconciliation runs: the runner, its run rows, exceptions and read side. The programme a run decides registers itself (Common's IRunProgramme).</summary>
public static class Extensions
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services)
    {
        services.AddSingleton<ExceptionDetector>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<ReconciliationQueries>();
        services.AddSingleton<ChunkTransaction>();
        services.AddSingleton<ReconciliationRunner>();
        services.AddSingleton<FollowupService>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowupService>());
        return services;
    }

    public static IEndpointRouteBuilder MapReconciliation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ReconciliationGrpcService>();
        return endpoints;
    }
}

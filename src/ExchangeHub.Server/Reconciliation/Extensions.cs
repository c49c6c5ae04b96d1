using ExchangeHub.Policy;
using ExchangeHub.Policy.Loading;
using ExchangeHub.Server.Refunds;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>Registers the policy, reconciliation runs and the refund workflow.</summary>
public static class Extensions
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration["Hub:Policy:Path"] ?? Path.Combine(AppContext.BaseDirectory, "policies", "xpcc-2024.json");
        services.AddSingleton<PolicySet>(_ => PolicyLoader.Load(path));
        services.Configure<RefundOptions>(configuration.GetSection("Hub:Refunds"));
        services.AddSingleton<StoredFactsReader>();
        services.AddSingleton<ExceptionDetector>();
        services.AddSingleton<RefundStore>();
        services.AddSingleton<WorkflowGate>();
        services.AddSingleton<RefundQueries>();
        services.AddSingleton<RefundActions>();
        services.AddSingleton<ReconciliationRunner>();
        services.AddHostedService<RefundReminderService>();
        return services;
    }

    public static IEndpointRouteBuilder MapReconciliation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ReconciliationGrpcService>();
        endpoints.MapGrpcService<RefundGrpcService>();
        return endpoints;
    }
}

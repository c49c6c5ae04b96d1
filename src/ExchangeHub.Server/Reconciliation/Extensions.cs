using ExchangeHub.Server.Refunds;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>Registers reconciliation runs and the refund workflow.</summary>
public static class Extensions
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RefundOptions>(configuration.GetSection("Hub:Refunds"));
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

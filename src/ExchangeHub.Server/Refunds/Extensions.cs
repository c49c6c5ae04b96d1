using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Refunds;

/// <summary>Registers the refund programme: its decision (the programme a reconciliation run decides), workflow steps, reminders and read side.</summary>
public static class Extensions
{
    public static IServiceCollection AddRefunds(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RefundOptions>(configuration.GetSection("Hub:Refunds"));
        services.AddSingleton<RefundStore>();
        services.AddSingleton<WorkflowGate>();
        services.AddSingleton<RefundQueries>();
        services.AddSingleton<IRunAmounts>(sp => sp.GetRequiredService<RefundQueries>());
        services.AddSingleton<RefundActions>();
        services.AddSingleton<RefundDecisions>();
        services.AddSingleton<RefundReplay>();
        services.AddSingleton<IRunProgramme>(sp => sp.GetRequiredService<RefundDecisions>());
        services.AddHostedService<RefundReminderService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRefunds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<RefundGrpcService>();
        return endpoints;
    }
}

using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Benefits;

/// <summary>Registers unemployment-benefit claims (1.(4), 2.(3), 2.(4)).</summary>
public static class Extensions
{
    public static IServiceCollection AddBenefitClaims(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BenefitOptions>()
            .Bind(configuration.GetSection("Hub:Benefits"))
            .Validate(o => o.OverdueCheckInterval >= TimeSpan.FromSeconds(1) && o.OverdueCheckInterval <= TimeSpan.FromDays(1),
                "Hub:Benefits:OverdueCheckInterval must be between 00:00:01 and 1.00:00:00 (PeriodicTimer and the daily 2.(3) deadline).")
            .ValidateOnStart();
        services.AddSingleton<BenefitClaimQueries>();
        services.AddSingleton<BenefitClaimWorkflow>();
        services.AddSingleton<BenefitReplay>();
        services.AddSingleton<IBenefitRecalculation>(sp => sp.GetRequiredService<BenefitClaimWorkflow>());
        services.AddSingleton<IPersonFileSection, BenefitPersonFileSection>();
        services.AddHostedService<BenefitOverdueService>();
        services.AddHostedService<BenefitFollowupService>();
        return services;
    }

    public static IEndpointRouteBuilder MapBenefitClaims(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<BenefitClaimGrpcService>();
        return endpoints;
    }
}

namespace ExchangeHub.Server.Benefits;

/// <summary>Registers unemployment-benefit claims (1.(4), 2.(3), 2.(4)).</summary>
public static class Extensions
{
    public static IServiceCollection AddBenefitClaims(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BenefitOptions>(configuration.GetSection("Hub:Benefits"));
        services.AddSingleton<BenefitClaimReader>();
        services.AddSingleton<BenefitClaimQueries>();
        services.AddSingleton<BenefitClaimWorkflow>();
        services.AddHostedService<BenefitOverdueService>();
        return services;
    }

    public static IEndpointRouteBuilder MapBenefitClaims(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<BenefitClaimGrpcService>();
        return endpoints;
    }
}

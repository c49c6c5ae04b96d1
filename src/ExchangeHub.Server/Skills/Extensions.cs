using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Skills;

/// <summary>Registers skill-upgrade subsidy decisions (1.(3)).</summary>
public static class Extensions
{
    public static IServiceCollection AddSkillSubsidies(this IServiceCollection services)
    {
        services.AddSingleton<SkillSubsidyQueries>();
        services.AddSingleton<SkillSubsidyRunner>();
        services.AddSingleton<SkillReplay>();
        services.AddHostedService<SkillFollowupService>();
        services.AddSingleton<IPersonFileSection, SkillPersonFileSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapSkillSubsidies(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<SkillSubsidyGrpcService>();
        return endpoints;
    }
}

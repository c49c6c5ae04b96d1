namespace ExchangeHub.Server.Security;

/// <summary>Registers agency identity, the per-call interceptor and persons' pseudonymous keys.</summary>
public static class Extensions
{
    public static IServiceCollection AddAgencySecurity(this IServiceCollection services)
    {
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<ExchangeInterceptor>();
        services.AddSingleton<PersonKey>();
        return services;
    }
}

namespace ExchangeHub.Server.Security;

/// <summary>Registers agency identity, the per-call interceptors (audit, limits) and persons' pseudonymous keys.</summary>
public static class Extensions
{
    public static IServiceCollection AddAgencySecurity(this IServiceCollection services)
    {
        services.AddSingleton<CurrentAgencies>();
        services.AddSingleton<ExchangeInterceptor>();
        services.AddSingleton<AgencyCalls>();
        services.AddSingleton<CallLimitsInterceptor>();
        services.AddSingleton<PersonKey>();
        return services;
    }
}

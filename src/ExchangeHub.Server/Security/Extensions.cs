namespace ExchangeHub.Server.Security;

/// <summary>Registers agency identity and the per-call interceptor.</summary>
public static class Extensions
{
    public static IServiceCollection AddAgencySecurity(this IServiceCollection services)
    {
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<ExchangeInterceptor>();
        return services;
    }
}

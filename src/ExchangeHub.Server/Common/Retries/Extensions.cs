namespace ExchangeHub.Server.Common.Retries;

/// <summary>Registers request ids on mutating calls (AIP-155): the interceptor, its store and the sweep.</summary>
public static class Extensions
{
    public static IServiceCollection AddRetries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetryOptions>().Bind(configuration.GetSection("Hub:Retries"))
            .Validate(o => o.KeepDays is >= 1 and <= 3650, "Hub:Retries:KeepDays must be between 1 and 3650")
            .Validate(o => o.WaitForFirstCall > TimeSpan.Zero, "Hub:Retries:WaitForFirstCall must be positive")
            .ValidateOnStart();
        services.AddSingleton<RequestIdStore>();
        services.AddSingleton<RequestGate>();
        services.AddSingleton<RequestIdInterceptor>();
        services.AddHostedService<RequestIdSweepService>();
        return services;
    }
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Loading;

namespace ExchangeHub.Server.Common;

/// <summary>Registers what every programme shares: the policy file.</summary>
public static class Extensions
{
    /// <summary>
    /// The policy file (<c>Hub:Policy:Path</c>, default <c>policies/xpcc-2024.json</c> beside the binary), loaded once
    /// and validated at first use; refunds, skills, benefits and transfers all decide under it.
    /// </summary>
    public static IServiceCollection AddPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration["Hub:Policy:Path"] ?? Path.Combine(AppContext.BaseDirectory, "policies", "xpcc-2024.json");
        services.AddSingleton<PolicySet>(_ => PolicyLoader.Load(path));
        return services;
    }
}

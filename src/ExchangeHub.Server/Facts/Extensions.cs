namespace ExchangeHub.Server.Facts;

/// <summary>Registers the readers of the stored feeds that decisions are taken from.</summary>
public static class Extensions
{
    public static IServiceCollection AddFacts(this IServiceCollection services)
    {
        services.AddSingleton<StoredFactsReader>();
        services.AddSingleton<PersonFactsReader>();
        services.AddSingleton<TransferRequestsReader>();
        services.AddSingleton<SkillInputsReader>();
        services.AddSingleton<BenefitClaimReader>();
        return services;
    }
}

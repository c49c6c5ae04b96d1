namespace ExchangeHub.Server.Audit;

/// <summary>Registers the audit trail, its signing key and the checkpointer of its Merkle log.</summary>
public static class Extensions
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditSigningKey>();
        services.AddSingleton<AuditCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditCheckpointer>());
        return services;
    }
}

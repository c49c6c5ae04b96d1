namespace ExchangeHub.Server.Audit;

/// <summary>Registers the audit trail.</summary>
public static class Extensions
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services) => services.AddSingleton<AuditTrail>();
}

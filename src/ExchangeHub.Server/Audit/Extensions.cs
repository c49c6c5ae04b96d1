namespace ExchangeHub.Server.Audit;

/// <summary>Registers the audit trail, its signing key and the checkpointer of its Merkle log, and the service that serves checkpoints and proofs.</summary>
public static class Extensions
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditSigningKey>();
        services.AddSingleton<AuditSubtreeCache>();
        services.AddSingleton<AuditProofs>();
        services.AddSingleton<AuditCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditCheckpointer>());
        return services;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<AuditGrpcService>();
        return endpoints;
    }
}

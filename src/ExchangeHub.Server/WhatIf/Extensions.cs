namespace ExchangeHub.Server.WhatIf;

/// <summary>Registers the what-if: its runner (one at a time per hub) and its service.</summary>
public static class Extensions
{
    public static IServiceCollection AddWhatIf(this IServiceCollection services)
    {
        services.AddSingleton<WhatIfRunner>();
        return services;
    }

    public static IEndpointRouteBuilder MapWhatIf(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<WhatIfGrpcService>();
        return endpoints;
    }
}

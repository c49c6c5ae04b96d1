using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExchangeHub.Server.Common.Malformed;

/// <summary>Registers the guarded binder in place of grpc-dotnet's default one.</summary>
public static class Extensions
{
    /// <summary>Call after <c>AddGrpc</c>: removes grpc-dotnet's binder (which would bind every method a second time) and adds the guarded one.</summary>
    public static IServiceCollection AddMalformedMessageGuard(this IServiceCollection services)
    {
        services.RemoveAll(typeof(IServiceMethodProvider<>));
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>));
        return services;
    }
}

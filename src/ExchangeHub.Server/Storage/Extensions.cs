using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExchangeHub.Server.Storage;

/// <summary>Registers the database and brings its schema up to date at start.</summary>
public static class Extensions
{
    public static IServiceCollection AddHubStorage(this IServiceCollection services)
    {
        services.AddSingleton<HubDatabase>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Applies pending EF Core migrations (each provider has its own set).</summary>
    public static async Task MigrateHubDatabaseAsync(this IServiceProvider services, CancellationToken ct)
    {
        var database = services.GetRequiredService<HubDatabase>();
        await using var context = database.CreateContext();
        await context.Database.MigrateAsync(ct);
    }
}

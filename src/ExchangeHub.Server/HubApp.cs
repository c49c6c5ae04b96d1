using ExchangeHub.Server.Audit;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Common.Malformed;
using ExchangeHub.Server.Common.Retries;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Feeds;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Persons;
using ExchangeHub.Server.Reconciliation;
using ExchangeHub.Server.Refunds;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Benefits;
using ExchangeHub.Server.Transfers;
using ExchangeHub.Server.Skills;
using ExchangeHub.Server.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExchangeHub.Server;

/// <summary>
/// Builds the hub: the agencies' feeds, behind authentication, authorisation and audit, over the configured
/// database, with gRPC health checking and reflection. Program.cs runs it; integration tests build it the same way.
/// </summary>
public static class HubApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customise = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        customise?.Invoke(builder);

        var options = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        builder.Services.Configure<HubOptions>(builder.Configuration.GetSection(HubOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);

        ListenAddressGuard.Check(options.Security.Mode, ConfiguredUrls(builder.Configuration));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
            if (options.Security.Mode == AuthenticationMode.MutualTls)
            {
                kestrel.ConfigureHttpsDefaults(https => MutualTls.Configure(https, options.Security));
            }
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.Ingestion.MaxMessageBytes;
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<ExchangeInterceptor>();
            // Inside the audit: a retry answered from the store is authenticated and audited like any call.
            grpc.Interceptors.Add<RequestIdInterceptor>();
        });
        // Every method's request marshaller guarded: a malformed message is INVALID_ARGUMENT, audited (not UNKNOWN).
        builder.Services.AddMalformedMessageGuard();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.Services
            .AddHubStorage()
            .AddAgencySecurity()
            .AddAuditTrail()
            .AddRetries(builder.Configuration)
            .AddOutbox()
            .AddPolicy(builder.Configuration)
            .AddFacts()
            .AddFeeds()
            .AddReconciliation()
            .AddRefunds(builder.Configuration)
            .AddSkillSubsidies()
            .AddBenefitClaims(builder.Configuration)
            .AddTransfers(builder.Configuration);

        var app = builder.Build();
        app.MapFeeds();
        app.MapReconciliation();
        app.MapRefunds();
        app.MapSkillSubsidies();
        app.MapBenefitClaims();
        app.MapTransfers();
        app.MapPersons();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Migrates the database, starts listening, and checks the addresses actually bound.</summary>
    public static async Task StartHubAsync(this WebApplication app, CancellationToken ct = default)
    {
        await app.Services.MigrateHubDatabaseAsync(ct);
        await app.Services.GetRequiredService<ReconciliationRunner>().AbandonInterruptedRunsAsync(ct);
        await app.StartAsync(ct);
        var mode = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HubOptions>>().Value.Security.Mode;
        try
        {
            ListenAddressGuard.Check(mode, app.Urls);
        }
        catch
        {
            await app.StopAsync(ct);
            throw;
        }
        if (app.Logger.IsEnabled(LogLevel.Information))
        {
            app.Logger.LogInformation("ExchangeHub listening on {Urls} ({Mode})", string.Join(", ", app.Urls), mode);
        }
    }

    private static IEnumerable<string> ConfiguredUrls(ConfigurationManager configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { } url)
            {
                yield return url;
            }
        }
    }
}

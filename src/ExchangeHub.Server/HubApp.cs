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
using ExchangeHub.Server.WhatIf;
using ExchangeHub.Server.Telemetry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;

namespace ExchangeHub.Server;

/// <summary>
/// Builds the hub: the agencies' feeds, behind authentication, authorisation and audit, over the configured
/// database, with gRPC health checking and reflection. Program.cs runs it; integration tests build it the same way.
/// </summary>
public static class HubApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customise = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot(args) });
        customise?.Invoke(builder);

        var options = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        builder.Services.Configure<HubOptions>(builder.Configuration.GetSection(HubOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);

        var metricsPort = options.Telemetry.MetricsOn(options.Security.Mode) ? options.Telemetry.MetricsPort : null;
        if (metricsPort is { } port)
        {
            // Beside the hub's own addresses, on the host of the first: the guard below checks it like any other.
            var urls = Split(builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"]);
            builder.WebHost.UseUrls([.. urls, Telemetry.Extensions.MetricsUrl(urls.FirstOrDefault() ?? "http://127.0.0.1", port)]);
        }
        ListenAddressGuard.Check(options.Security.Mode, ConfiguredUrls(builder.Configuration));
        var connections = ConnectionBudget.From(options.Limits, FileLimit.Read());
        builder.Services.AddSingleton(connections);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            KestrelLimits.Apply(kestrel.Limits, options.Limits, connections);
            // gRPC is HTTP/2 only; the metrics port is HTTP/1.1, what Prometheus scrapes with.
            kestrel.ConfigureEndpointDefaults(endpoint =>
                endpoint.Protocols = endpoint.IPEndPoint?.Port == metricsPort ? HttpProtocols.Http1 : HttpProtocols.Http2);
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
            // Inside the audit, so a call refused for its agency's cap is audited RESOURCE_EXHAUSTED.
            grpc.Interceptors.Add<CallLimitsInterceptor>();
            // Inside the audit: a retry answered from the store is authenticated and audited like any call.
            grpc.Interceptors.Add<RequestIdInterceptor>();
        });
        // Every method's request marshaller guarded: a malformed message is INVALID_ARGUMENT, audited (not UNKNOWN).
        builder.Services.AddMalformedMessageGuard();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.Services
            .AddHubTelemetry(options)
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
            .AddTransfers(builder.Configuration)
            .AddWhatIf();

        var app = builder.Build();
        app.UseHubMetrics(options);
        app.MapFeeds();
        app.MapReconciliation();
        app.MapRefunds();
        app.MapSkillSubsidies();
        app.MapBenefitClaims();
        app.MapTransfers();
        app.MapPersons();
        app.MapWhatIf();
        app.MapAudit();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Migrates the database, loads the agency directory, starts listening, and checks the addresses actually bound.</summary>
    public static async Task StartHubAsync(this WebApplication app, CancellationToken ct = default)
    {
        await app.Services.MigrateHubDatabaseAsync(ct);
        // Built now, not at the first call: an invalid agency directory refuses the start (exit code 4). After the
        // database, so a refusal for the database stays the one line the operator sees.
        app.Services.GetRequiredService<CurrentAgencies>();
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
            var connections = app.Services.GetRequiredService<ConnectionBudget>();
            app.Logger.LogInformation(
                "ExchangeHub listening on {Urls} ({Mode}); file limit (RLIMIT_NOFILE) {FileLimit}, at most {MaxConnections} connections (Hub:Limits:MaxConcurrentConnections {Configured})",
                string.Join(", ", app.Urls), mode, connections.FileLimit?.ToString(CultureInfo.InvariantCulture) ?? "unknown",
                connections.MaxConnections?.ToString(CultureInfo.InvariantCulture) ?? "unlimited", connections.Configured);
        }
    }

    /// <summary>
    /// The binary's directory, so that the hub finds its appsettings.json wherever it is started from, unless a content
    /// root is given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>).
    /// </summary>
    private static string? ContentRoot(string[] args)
    {
        var given = new ConfigurationBuilder().AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args).Build()[HostDefaults.ContentRootKey];
        return string.IsNullOrEmpty(given) ? AppContext.BaseDirectory : null;
    }

    /// <summary>
    /// Every address the hub could bind: <c>urls</c>, the <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> of ASP.NET Core 8+
    /// (any address, <c>[::]</c>) and Kestrel endpoints — all checked before Kestrel starts, so nothing listens first.
    /// </summary>
    private static IEnumerable<string> ConfiguredUrls(ConfigurationManager configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
        foreach (var url in Split(urls))
        {
            yield return url;
        }
        foreach (var (key, scheme) in new[] { ("HTTP_PORTS", "http"), ("HTTPS_PORTS", "https") })
        {
            foreach (var port in Split(configuration[key]))
            {
                yield return $"{scheme}://*:{port}";
            }
        }
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { } url)
            {
                yield return url;
            }
        }
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

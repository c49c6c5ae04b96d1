using System.Text.RegularExpressions;
using ExchangeHub.Server.Benefits;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Refunds;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Transfers;
using Microsoft.Extensions.Configuration;

namespace ExchangeHub.Server.Tests.Samples;

/// <summary>
/// docker-compose.yml cannot be started here (no Docker engine), so what can be checked without one is: every hub
/// setting it passes binds to a property of the hub's options (a misspelt key fails instead of being ignored), the
/// hub would accept the combination, the broker credentials match deploy/rabbitmq/rabbitmq.conf, and every file it
/// builds from or mounts is in the repository or made by scripts/dev-certs.sh.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly Dictionary<string, Type> Sections = new()
    {
        ["Hub:Storage"] = typeof(StorageOptions),
        ["Hub:Security"] = typeof(SecurityOptions),
        ["Hub:Ingestion"] = typeof(IngestionOptions),
        ["Hub:Messaging"] = typeof(MessagingOptions),
        ["Hub:Refunds"] = typeof(RefundOptions),
        ["Hub:Benefits"] = typeof(BenefitOptions),
        ["Hub:Transfers"] = typeof(TransferOptions),
        ["Hub:Telemetry"] = typeof(TelemetryOptions),
    };

    [Fact]
    public void Compose_HubEnvironment_EveryKeyBindsToAnOptionTheHubAccepts()
    {
        var settings = ComposeSettings("Hub__", "urls");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        foreach (var key in settings.Keys.Where(k => k.StartsWith("Hub:", StringComparison.Ordinal)))
        {
            Assert.True(Sections.Keys.Any(s => key.StartsWith(s + ":", StringComparison.Ordinal)), $"{key}: no such section of the hub's options");
        }
        foreach (var (section, type) in Sections)
        {
            configuration.GetSection(section).Get(type, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        var security = configuration.GetSection("Hub:Security").Get<SecurityOptions>()!;
        Assert.Equal(StorageProvider.Postgres, configuration.GetSection("Hub:Storage").Get<StorageOptions>()!.Provider);
        Assert.Equal(AuthenticationMode.MutualTls, security.Mode);
        ListenAddressGuard.Check(security.Mode, [settings["urls"]!]);
        // /metrics: switched on (MutualTls keeps it off otherwise), on its own port, which Prometheus scrapes.
        var telemetry = configuration.GetSection("Hub:Telemetry").Get<TelemetryOptions>()!;
        Assert.True(telemetry.MetricsOn(security.Mode));
        var metricsPort = Assert.IsType<int>(telemetry.MetricsPort);
        ListenAddressGuard.Check(security.Mode, [Server.Telemetry.Extensions.MetricsUrl(settings["urls"]!, metricsPort)]);
        var prometheus = File.ReadAllText(Path.Combine(Root, "deploy", "prometheus", "prometheus.yml"));
        Assert.Contains($"\"hub-1:{metricsPort}\", \"hub-2:{metricsPort}\"", prometheus, StringComparison.Ordinal);

        var broker = configuration.GetSection("Hub:Messaging").Get<MessagingOptions>()!.RabbitMqUri;
        var conf = RabbitConf();
        Assert.Equal(("rabbitmq", "/" + conf["default_vhost"], $"{conf["default_user"]}:{conf["default_pass"]}"),
            (broker.Host, broker.AbsolutePath, broker.UserInfo));
        Assert.Equal("quorum", conf["default_queue_type"]);
        var subscriber = ComposeSettings("RABBITMQ_");
        Assert.Equal((conf["default_vhost"], conf["default_user"], conf["default_pass"]),
            (subscriber["RABBITMQ_VHOST"], subscriber["RABBITMQ_USER"], subscriber["RABBITMQ_PASS"]));
    }

    [Fact]
    public void Compose_FilesItBuildsAndMounts_ExistOrAreMadeByDevCerts()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        foreach (var path in new[] { "Dockerfile", "samples/ExchangeHub.SampleSubscriber/Dockerfile", "deploy/rabbitmq/rabbitmq.conf",
            "deploy/health-probe/ExchangeHub.HealthProbe.csproj", "deploy/prometheus/prometheus.yml", "deploy/prometheus/alerts.yml",
            "deploy/grafana/exchangehub-dashboard.json", "deploy/grafana/provisioning/datasources/prometheus.yml",
            "deploy/grafana/provisioning/dashboards/exchangehub.yml" })
        {
            Assert.True(File.Exists(Path.Combine(Root, path)), path);
        }
        Assert.Contains("dotnet publish deploy/health-probe -c Release -o /probe", File.ReadAllText(Path.Combine(Root, "Dockerfile")), StringComparison.Ordinal);
        Assert.Contains("/probe/ExchangeHub.HealthProbe.dll", compose, StringComparison.Ordinal);

        var devCerts = File.ReadAllText(Path.Combine(Root, "scripts", "dev-certs.sh"));
        var certificates = CertificatePath().Matches(compose).Select(m => m.Groups["name"].Value).Distinct().ToList();
        Assert.Contains("hub", certificates);
        Assert.Contains("dev-operator", certificates);
        foreach (var name in certificates)
        {
            Assert.True(name == "agency-ca" ? devCerts.Contains("-out agency-ca.pem", StringComparison.Ordinal)
                : devCerts.Contains($"issue {name} ", StringComparison.Ordinal) || devCerts.Contains($" {name}:", StringComparison.Ordinal),
                $"/certs/{name}.* is not made by scripts/dev-certs.sh");
        }
    }

    internal static string Root
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory); // tests/ExchangeHub.Server.Tests/bin/<configuration>/net10.0/
            return tests.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        }
    }

    /// <summary>The <c>KEY: value</c> lines of the compose file whose key starts with one of <paramref name="prefixes"/>, as configuration keys.</summary>
    private static Dictionary<string, string?> ComposeSettings(params string[] prefixes)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Root, "docker-compose.yml")))
        {
            var match = Setting().Match(line);
            if (match.Success && prefixes.Any(p => match.Groups["key"].Value.StartsWith(p, StringComparison.Ordinal)))
            {
                settings[match.Groups["key"].Value.Replace("__", ":", StringComparison.Ordinal)] = match.Groups["value"].Value.Trim('"');
            }
        }
        return settings;
    }

    private static Dictionary<string, string> RabbitConf() => File.ReadLines(Path.Combine(Root, "deploy", "rabbitmq", "rabbitmq.conf"))
        .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
        .Select(l => l.Split('=', 2))
        .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);

    [GeneratedRegex(@"^\s+(?<key>[A-Za-z_][A-Za-z0-9_]*):\s+(?<value>""[^""]*""|[^\s#]+)\s*(#.*)?$")]
    private static partial Regex Setting();

    [GeneratedRegex(@"/certs/(?<name>[a-z-]+)\.(pem|key)")]
    private static partial Regex CertificatePath();
}

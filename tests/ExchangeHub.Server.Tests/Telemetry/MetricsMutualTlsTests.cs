using System.Net;
using System.Net.Sockets;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Telemetry;

/// <summary>
/// In MutualTls (production) <c>/metrics</c> is off unless configured: a metrics port alone opens nothing, and a client
/// with a valid agency certificate gets 404 where a DevToken hub serves the scrape; switched on, it is served over TLS.
/// </summary>
[Trait("storage", "sqlite")]
public sealed class MetricsMutualTlsTests : IDisposable
{
    private readonly TestCertificates _pki = new();

    public void Dispose() => _pki.Dispose();

    [Fact]
    public async Task Metrics_MutualTlsByDefault_NotServedAndItsPortNotOpened()
    {
        var port = MetricsTests.FreePort();
        using var tax = _pki.Client("tax-bureau-xj");
        await using var hub = await StartAsync(tax, new() { ["Hub:Telemetry:MetricsPort"] = Text(port) });

        using var handler = Handler(tax);
        using var response = await MetricsScrape.GetAsync(new Uri(hub.Address, "/metrics"), http2: true, handler);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Metrics_MutualTlsSwitchedOnWithPort_ServedOverTlsOnThatPortOnly()
    {
        var port = MetricsTests.FreePort();
        using var tax = _pki.Client("tax-bureau-xj");
        await using var hub = await StartAsync(tax, new() { ["Hub:Telemetry:Metrics"] = "true", ["Hub:Telemetry:MetricsPort"] = Text(port) });

        using var handler = Handler(tax);
        using var scraped = await MetricsScrape.GetAsync(new Uri($"https://127.0.0.1:{port}/metrics"), handler: handler);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("exchangehub_outbox_unsent", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var onGrpcPort = await MetricsScrape.GetAsync(new Uri(hub.Address, "/metrics"), http2: true, handler);
        Assert.Equal(HttpStatusCode.NotFound, onGrpcPort.StatusCode);
    }

    private async Task<TestHub> StartAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 tax, Dictionary<string, string?> telemetry)
    {
        var settings = new Dictionary<string, string?>(telemetry)
        {
            ["Hub:Security:Mode"] = "MutualTls",
            ["Hub:Security:ServerCertificatePath"] = _pki.ServerCertificatePath,
            ["Hub:Security:ServerKeyPath"] = _pki.ServerKeyPath,
            ["Hub:Security:ClientCaPath"] = _pki.CaPath,
            ["Hub:Security:Agencies:0:CertificateSha256"] = TestCertificates.Sha256(tax),
        };
        return await TestHub.StartAsync(await TestDatabase.CreateAsync(StorageProvider.Sqlite), settings, url: "https://127.0.0.1:0");
    }

    private HttpClientHandler Handler(System.Security.Cryptography.X509Certificates.X509Certificate2 client)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.Thumbprint == _pki.Server.Thumbprint,
        };
        handler.ClientCertificates.Add(client);
        return handler;
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

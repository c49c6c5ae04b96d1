using System.Security.Cryptography.X509Certificates;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>Production mode: TLS with client certificates issued by the agency CA; the certificate names the agency.</summary>
[Trait("storage", "sqlite")]
public sealed class MutualTlsTests : IAsyncLifetime, IDisposable
{
    private readonly TestCertificates _pki = new();
    private readonly X509Certificate2 _tax;
    private readonly X509Certificate2 _market;
    private TestHub _hub = null!;

    public MutualTlsTests()
    {
        _tax = _pki.Client("tax-bureau-xj");
        _market = _pki.Client("market-regulation-xj");
    }

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        _hub = await TestHub.StartAsync(database, new Dictionary<string, string?>
        {
            ["Hub:Security:Mode"] = "MutualTls",
            ["Hub:Security:ServerCertificatePath"] = _pki.ServerCertificatePath,
            ["Hub:Security:ServerKeyPath"] = _pki.ServerKeyPath,
            ["Hub:Security:ClientCaPath"] = _pki.CaPath,
            ["Hub:Security:Agencies:0:CertificateSha256"] = TestCertificates.Sha256(_tax),
            ["Hub:Security:Agencies:1:CertificateSha256"] = TestCertificates.Sha256(_market),
        }, url: "https://127.0.0.1:0");
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public void Dispose()
    {
        _tax.Dispose();
        _market.Dispose();
        _pki.Dispose();
    }

    [Fact]
    public async Task Push_WithTheTaxBureausCertificate_AcceptedAndAuditedUnderItsAgency()
    {
        using var channel = Channel(_tax);
        var summary = await Infrastructure.Feeds.PushLinesAsync(channel, [Records.Line("mtls-1")]);
        Assert.Equal(1, summary.Accepted);
        Assert.Equal(1, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM contribution_lines WHERE agency_id = 'dev-tax' AND source_record_id = 'mtls-1'"));
        Assert.Equal(1, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE agency_id = 'dev-tax' AND outcome = 'OK'"));
    }

    [Fact]
    public async Task Push_WithAnotherAgencysCertificate_PermissionDenied()
    {
        using var channel = Channel(_market);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Infrastructure.Feeds.PushLinesAsync(channel, [Records.Line("mtls-2")]));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task Push_WithCertificateOfTheCaButNoAgency_Unauthenticated()
    {
        using var stranger = _pki.Client("not-configured");
        using var channel = Channel(stranger);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Infrastructure.Feeds.PushLinesAsync(channel, [Records.Line("mtls-3")]));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Push_WithCertificateFromAnotherCa_ConnectionRefusedAndNothingStored()
    {
        using var rogue = _pki.Client("tax-bureau-xj", rogue: true);
        using var channel = Channel(rogue);
        // The TLS handshake fails: depending on timing the client sees an RpcException or the HTTP/2 error itself.
        await Assert.ThrowsAnyAsync<Exception>(() => Infrastructure.Feeds.PushLinesAsync(channel, [Records.Line("mtls-4")]));
        Assert.Equal(0, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM contribution_lines"));
    }

    [Fact]
    public async Task Push_WithoutClientCertificate_ConnectionRefused()
    {
        using var channel = Channel(null);
        await Assert.ThrowsAnyAsync<Exception>(() => Infrastructure.Feeds.PushLinesAsync(channel, [Records.Line("mtls-5")]));
        Assert.Equal(0, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM contribution_lines"));
    }

    [Fact]
    public void IsIssuedBy_CertificateOfOtherCa_False()
    {
        using var rogue = _pki.Client("x", rogue: true);
        Assert.False(MutualTls.IsIssuedBy(rogue, _pki.Ca));
        Assert.True(MutualTls.IsIssuedBy(_tax, _pki.Ca));
    }

    private GrpcChannel Channel(X509Certificate2? clientCertificate)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.Thumbprint == _pki.Server.Thumbprint,
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificates.Add(clientCertificate);
        }
        return GrpcChannel.ForAddress(_hub.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}

using System.Security.Cryptography.X509Certificates;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Cli;

/// <summary>Production mode: the CLI connects with the operator's PEM certificate and trusts only the given CA.</summary>
[Trait("storage", "sqlite")]
public sealed class CliMutualTlsTests : IAsyncLifetime, IDisposable
{
    private readonly TestCertificates _pki = new();
    private readonly X509Certificate2 _operator;
    private TestHub _hub = null!;

    public CliMutualTlsTests()
    {
        _operator = _pki.Client("hrss-operator-xj");
        File.WriteAllText(CertificatePath, _operator.ExportCertificatePem());
        using var key = _operator.GetRSAPrivateKey()!;
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    private string CertificatePath => Path.Combine(_pki.Directory, "operator.pem");
    private string KeyPath => Path.Combine(_pki.Directory, "operator.key");

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        _hub = await TestHub.StartAsync(database, new Dictionary<string, string?>
        {
            ["Hub:Messaging:Enabled"] = "false",
            ["Hub:Refunds:SendReminders"] = "false",
            ["Hub:Security:Mode"] = "MutualTls",
            ["Hub:Security:ServerCertificatePath"] = _pki.ServerCertificatePath,
            ["Hub:Security:ServerKeyPath"] = _pki.ServerKeyPath,
            ["Hub:Security:ClientCaPath"] = _pki.CaPath,
            ["Hub:Security:Agencies:3:CertificateSha256"] = TestCertificates.Sha256(_operator), // dev-operator
        }, url: "https://127.0.0.1:0");
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public void Dispose()
    {
        _operator.Dispose();
        _pki.Dispose();
    }

    [Fact]
    public async Task Exceptions_WithCertificateKeyAndCa_ConnectsAsTheOperator()
    {
        var (exit, output) = await CliOutput.RunAsync(["exceptions", "--hub", _hub.Address.ToString(),
            "--cert", CertificatePath, "--key", KeyPath, "--ca", _pki.CaPath]);

        Assert.Equal(0, exit);
        Assert.Contains("0 exception(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_WithoutTheHubsCa_Exit2AndTheHubIsNotTrusted()
    {
        var (exit, output) = await CliOutput.RunAsync(["exceptions", "--hub", _hub.Address.ToString(), "--cert", CertificatePath, "--key", KeyPath]);

        Assert.Equal(2, exit);
        Assert.Contains("The SSL connection could not be established", output, StringComparison.Ordinal);
        Assert.Contains("TLS handshake failed: pass --ca", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_MissingCertificateFile_Exit2NamingTheFile()
    {
        var missing = Path.Combine(_pki.Directory, "nope.pem");

        var (exit, output) = await CliOutput.RunAsync(["exceptions", "--hub", _hub.Address.ToString(), "--cert", missing, "--ca", _pki.CaPath]);

        Assert.Equal(2, exit);
        Assert.Contains($"cannot load the client certificate {missing}", output, StringComparison.Ordinal);
    }
}

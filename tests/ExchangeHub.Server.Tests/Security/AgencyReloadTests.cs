using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>
/// Issue 14 item 6: the agency directory follows <c>Hub:Security:AgenciesFile</c> without a restart — a withdrawn
/// credential is refused at the next call, a new one accepted, a broken file keeps the last good directory.
/// </summary>
public sealed class AgencyReloadTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);
    private readonly string _directory = Directory.CreateTempSubdirectory("agencies-").FullName;
    private int _records;

    private string FilePath => Path.Combine(_directory, "agencies.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    [Trait("storage", "sqlite")]
    public async Task Push_TokenReplacedInTheFile_OldRefusedNewAcceptedWithoutRestart()
    {
        await WriteAsync(Tax(tokenSha256: AgencyDirectory.Sha256Hex("old-token")));
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, FileSetting());
        Assert.Equal(StatusCode.OK, await PushAsync(hub.Channel("old-token")));
        Assert.Equal(StatusCode.Unauthenticated, await PushAsync(hub.Channel("new-token")));

        await WriteAsync(Tax(tokenSha256: AgencyDirectory.Sha256Hex("new-token")));

        await EventuallyAsync(async () => await PushAsync(hub.Channel("old-token")) == StatusCode.Unauthenticated, hub.Logs);
        Assert.Equal(StatusCode.OK, await PushAsync(hub.Channel("new-token")));
        Assert.Contains(hub.Logs.Lines, line => line.Contains("Agency directory reloaded", StringComparison.Ordinal));
    }

    [Theory]
    [Trait("storage", "sqlite")]
    [InlineData("{ \"Agencies\": [ { \"Id\": \"dev-tax\", ")]
    [InlineData("{ \"Agencies\": [ { \"Id\": \"dev-tax\", \"Roles\": [ \"TAX_BUREAUX\" ], \"TokenSha256\": \"HASH\" } ] }")]
    [InlineData("{ \"Agencies\": [ { \"Id\": \"dev-tax\", \"Roles\": [ \"TAX_BUREAU\" ], \"TokenSha256\": \"0123abc\" } ] }")]
    [InlineData("{ \"Agencies\": [ { \"Id\": \"dev-tax\", \"Roles\": [ \"TAX_BUREAU\" ], \"TokenSha265\": \"HASH\" } ] }")]
    [InlineData("{ \"Agencies\": [] }")]
    [InlineData("")]
    public async Task Push_FileBroken_LastGoodDirectoryStaysAndOneErrorLogged(string broken)
    {
        await WriteAsync(Tax(tokenSha256: AgencyDirectory.Sha256Hex("good-token")));
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, FileSetting());

        await File.WriteAllTextAsync(FilePath, broken.Replace("HASH", AgencyDirectory.Sha256Hex("other-token"), StringComparison.Ordinal));

        await EventuallyAsync(() => Task.FromResult(Errors(hub).Count > 0), hub.Logs);
        Assert.Equal(StatusCode.OK, await PushAsync(hub.Channel("good-token")));
        Assert.Equal(StatusCode.Unauthenticated, await PushAsync(hub.Channel("other-token")));
        Assert.Single(Errors(hub));

        // The watch survives the refusal: the next good file is followed.
        await WriteAsync(Tax(tokenSha256: AgencyDirectory.Sha256Hex("other-token")));
        await EventuallyAsync(async () => await PushAsync(hub.Channel("other-token")) == StatusCode.OK, hub.Logs);
        Assert.Equal(StatusCode.Unauthenticated, await PushAsync(hub.Channel("good-token")));
    }

    [Fact]
    [Trait("storage", "sqlite")]
    public async Task Push_FileTruncatedThenWrittenAfterTheSettleDelay_NoErrorAndTheWrittenDirectoryFollowed()
    {
        await WriteAsync(Tax(tokenSha256: AgencyDirectory.Sha256Hex("good-token")));
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, FileSetting());

        // A writer that truncates, then writes only after the watcher's settle delay (250 ms) has passed: the empty
        // state is read, does not parse, and is read again before anything is refused.
        await File.WriteAllTextAsync(FilePath, "");
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        await File.WriteAllTextAsync(FilePath, JsonSerializer.Serialize(Tax(tokenSha256: AgencyDirectory.Sha256Hex("other-token"))));

        await EventuallyAsync(async () => await PushAsync(hub.Channel("other-token")) == StatusCode.OK, hub.Logs);
        Assert.Equal(StatusCode.Unauthenticated, await PushAsync(hub.Channel("good-token")));
        Assert.Empty(Errors(hub));
    }

    [Fact]
    [Trait("storage", "sqlite")]
    public async Task Start_FileMissingOrInvalid_RefusedWithExitCode4()
    {
        var missing = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(StorageProvider.Sqlite, FileSetting()));
        Assert.Equal(HubStartupException.AgenciesRefused, missing.ExitCode);
        await File.WriteAllTextAsync(FilePath, "{ \"Agencies\": [ { \"Id\": \"x\", \"Roles\": [ \"NOBODY\" ] } ] }");
        var invalid = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(StorageProvider.Sqlite, FileSetting()));
        Assert.Contains("NOBODY", invalid.Message, StringComparison.Ordinal);
        await File.WriteAllTextAsync(FilePath, "{ \"Agencies\": [ ");
        var malformed = await Assert.ThrowsAsync<HubStartupException>(() => TestHub.StartAsync(StorageProvider.Sqlite, FileSetting()));
        Assert.Equal(HubStartupException.AgenciesRefused, malformed.ExitCode);
    }

    [Fact]
    [Trait("storage", "postgres")]
    public async Task Push_TwoReplicasReadingOneFile_BothFollowTheChange()
    {
        await WriteAsync(Tax(tokenSha256: AgencyDirectory.Sha256Hex("old-token")));
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        string[] settings = ["--Hub:Messaging:Enabled", "false", "--Hub:Refunds:SendReminders", "false", "--Hub:Security:AgenciesFile", FilePath];
        await using var first = await HubProcess.StartAsync(database, settings);
        await using var second = await HubProcess.StartAsync(database, settings);
        var replicas = new[] { first, second };
        foreach (var replica in replicas)
        {
            Assert.Equal(StatusCode.OK, await PushAsync(Channel(replica, "old-token")));
        }

        await WriteAsync(Tax(tokenSha256: AgencyDirectory.Sha256Hex("new-token")));

        foreach (var replica in replicas)
        {
            await EventuallyAsync(async () => await PushAsync(Channel(replica, "old-token")) == StatusCode.Unauthenticated, null, replica.Output);
            Assert.Equal(StatusCode.OK, await PushAsync(Channel(replica, "new-token")));
        }
    }

    [Fact]
    [Trait("storage", "sqlite")]
    public async Task Push_ThumbprintReplacedInTheFile_OldCertificateRefusedNewAccepted()
    {
        using var pki = new TestCertificates();
        using var old = pki.Client("tax-bureau-xj-2024");
        using var renewed = pki.Client("tax-bureau-xj-2025");
        await WriteAsync(Tax(certificateSha256: TestCertificates.Sha256(old)));
        await using var hub = await TestHub.StartAsync(await TestDatabase.CreateAsync(StorageProvider.Sqlite), new Dictionary<string, string?>
        {
            ["Hub:Security:Mode"] = "MutualTls",
            ["Hub:Security:ServerCertificatePath"] = pki.ServerCertificatePath,
            ["Hub:Security:ServerKeyPath"] = pki.ServerKeyPath,
            ["Hub:Security:ClientCaPath"] = pki.CaPath,
            ["Hub:Security:AgenciesFile"] = FilePath,
        }, url: "https://127.0.0.1:0");
        using var oldChannel = TlsChannel(hub, pki, old);
        using var renewedChannel = TlsChannel(hub, pki, renewed);
        Assert.Equal(StatusCode.OK, await PushAsync(oldChannel));
        Assert.Equal(StatusCode.Unauthenticated, await PushAsync(renewedChannel));

        await WriteAsync(Tax(certificateSha256: TestCertificates.Sha256(renewed)));

        // The old certificate's connection stays open: the check is per call, so it is refused on the same connection.
        await EventuallyAsync(async () => await PushAsync(oldChannel) == StatusCode.Unauthenticated, hub.Logs);
        Assert.Equal(StatusCode.OK, await PushAsync(renewedChannel));
    }

    private Dictionary<string, string?> FileSetting() => new() { ["Hub:Security:AgenciesFile"] = FilePath };

    private static object Tax(string? tokenSha256 = null, string? certificateSha256 = null) => new
    {
        Agencies = new[]
        {
            new { Id = "dev-tax", Name = "Tax bureau", Roles = new[] { "TAX_BUREAU" }, TokenSha256 = tokenSha256, CertificateSha256 = certificateSha256 },
            new { Id = "dev-operator", Name = "Operator", Roles = new[] { "HRSS_OPERATOR" }, TokenSha256 = (string?)AgencyDirectory.Sha256Hex("operator-token"), CertificateSha256 = (string?)null },
        },
    };

    /// <summary>Written beside and renamed over the file, as an operator's deployment tool replaces it.</summary>
    private async Task WriteAsync(object agencies)
    {
        var next = FilePath + ".next";
        await File.WriteAllTextAsync(next, JsonSerializer.Serialize(agencies));
        File.Move(next, FilePath, overwrite: true);
    }

    private static List<string> Errors(TestHub hub) =>
        hub.Logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("Agency directory", StringComparison.Ordinal)).ToList();

    /// <summary>One contribution line; the call's status (OK or the refusal).</summary>
    private async Task<StatusCode> PushAsync(GrpcChannel channel)
    {
        try
        {
            var summary = await Infrastructure.Feeds.PushLinesAsync(channel, [Records.Line("reload-" + Interlocked.Increment(ref _records))]);
            Assert.Equal(1, summary.Accepted);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, CapturedLogs? logs, string? output = null)
    {
        var until = DateTime.UtcNow + Within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until,
                $"not within {Within.TotalSeconds} s:\n{output ?? string.Join('\n', logs?.Lines.TakeLast(20) ?? [])}");
            await Task.Delay(100);
        }
    }

    private static GrpcChannel Channel(HubProcess hub, string token) =>
        GrpcChannel.ForAddress(hub.Address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + token);
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    private static GrpcChannel TlsChannel(TestHub hub, TestCertificates pki, X509Certificate2 client)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.Thumbprint == pki.Server.Thumbprint,
        };
        handler.ClientCertificates.Add(client);
        return GrpcChannel.ForAddress(hub.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>
/// The built hub as an operator starts it (issue 13, items 6 and 7): a configuration it must refuse ends it with one
/// line and an exit code — no stack trace, nothing listened — and it finds its appsettings.json from any directory.
/// </summary>
[Trait("storage", "sqlite")]
public sealed class StartupProcessTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Theory]
    [InlineData("http://0.0.0.0:{0}")]
    [InlineData("http://[::]:{0}")]
    [InlineData("http://10.1.2.3:{0}")]
    public async Task DevToken_NonLoopbackUrl_OneLineExit2(string url)
    {
        var (exit, lines) = await HubProcess.RunUntilExitAsync(NoEnvironment, "--urls", string.Format(System.Globalization.CultureInfo.InvariantCulture, url, HubProcess.FreePort()));

        AssertRefused(exit, lines, 2, "loopback");
    }

    /// <summary>ASP.NET Core 8's HTTP_PORTS would bind [::]: refused before Kestrel starts (it used to listen ~127 ms first).</summary>
    [Theory]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("DOTNET_HTTP_PORTS")]
    [InlineData("ASPNETCORE_HTTPS_PORTS")]
    public async Task DevToken_PortsVariable_OneLineExit2(string variable)
    {
        var port = HubProcess.FreePort();
        var (exit, lines) = await HubProcess.RunUntilExitAsync(new Dictionary<string, string> { [variable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        AssertRefused(exit, lines, 2, $"*:{port}");
    }

    [Theory]
    [InlineData("Data Source=/proc/exchangehub-no-such-dir/hub.db")] // a directory that cannot be created
    [InlineData("Data Source=/sys/exchangehub.db")] // a read-only filesystem
    [InlineData("Data Source=/tmp")] // not a file
    public async Task Sqlite_DatabaseCannotBeOpened_OneLineExit3(string connectionString)
    {
        var (exit, lines) = await HubProcess.RunUntilExitAsync(NoEnvironment,
            "--urls", $"http://127.0.0.1:{HubProcess.FreePort()}", "--Hub:Storage:ConnectionString", connectionString);

        AssertRefused(exit, lines, 3, "cannot open the database (SQLite)");
    }

    [Fact]
    public async Task Postgres_Unreachable_OneLineExit3WithoutThePassword()
    {
        var (exit, lines) = await HubProcess.RunUntilExitAsync(NoEnvironment, "--urls", $"http://127.0.0.1:{HubProcess.FreePort()}",
            "--Hub:Storage:Provider", "Postgres", "--Hub:Storage:ConnectionString",
            "Host=127.0.0.1;Port=1;Database=hub;Username=hub;Password=secret-password;Timeout=3");

        AssertRefused(exit, lines, 3, "cannot open the database (PostgreSQL) 127.0.0.1:1/hub");
        Assert.DoesNotContain("secret-password", lines[0], StringComparison.Ordinal);
    }

    /// <summary>Started from /tmp the hub still reads the appsettings.json beside its binary (it failed "PersonKeySecret is not set").</summary>
    [Fact]
    public async Task Start_FromAnotherWorkingDirectory_FindsItsConfigurationAndServes()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var hub = await HubProcess.StartInAsync(Path.GetTempPath(), database, "--Hub:Messaging:Enabled", "false");
        using var channel = GrpcChannel.ForAddress(hub.Address);

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    private static void AssertRefused(int exit, List<string> lines, int expectedExit, string mentions)
    {
        var output = string.Join('\n', lines);
        Assert.True(exit == expectedExit, $"exit {exit}, expected {expectedExit}:\n{output}");
        Assert.True(lines.Count == 1, $"expected one line:\n{output}");
        Assert.StartsWith("ExchangeHub refused to start: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(mentions, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}

using System.Globalization;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Cli;
using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Simulate;

/// <summary>
/// "FACTS": <c>exchangehub decision replay</c> against the real hub (SQLite and PostgreSQL) after the synthetic data
/// set at a small scale was pushed and reconciled: every stored decision replays identically at its own D and T.
/// </summary>
[Trait("clause", "FACTS")]
public abstract class DecisionReplayCommandTests(StorageProvider provider) : IAsyncLifetime
{
    private TestHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Hub:Messaging:Enabled"] = "false",
            ["Hub:Refunds:SendReminders"] = "false",
        });
        var hub = _hub.Address.ToString();
        var simulated = await CliOutput.RunAsync(["simulate", "--hub", hub, "--units", "50", "--persons", "500", "--year", "2024", "--seed", "7"]);
        Assert.True(simulated.Exit == 0, simulated.Output);
        var reconciled = await CliOutput.RunAsync(["reconcile", "--hub", hub, "--token", TestHub.OperatorToken, "--date", "2024-06-30"]);
        Assert.True(reconciled.Exit == 0, reconciled.Output);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task ReplayAll_AfterSimulateAndReconcile_EveryDecisionIdenticalExit0()
    {
        var decisions = await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM refund_decisions WHERE is_current = TRUE");

        var (exit, output) = await RunAsync("--program-year", "2024", "--all");

        Assert.True(exit == 0, output);
        Assert.True(decisions > 0);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{decisions} replayed, {decisions} identical, 0 different"), output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"replaying: {decisions}/{decisions} decisions (100%)"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayOne_PrintsTheReplayAndExit0()
    {
        var id = await _hub.Database.ScalarAsync("SELECT MIN(id) FROM refund_decisions");

        var (exit, output) = await RunAsync("--decision-id", id.ToString(CultureInfo.InvariantCulture));

        Assert.True(exit == 0, output);
        Assert.Equal(("yes", "2024-06-30"), (CliOutput.Field(output, "Identical"), CliOutput.Field(output, "Decision date")));
        Assert.Equal(CliOutput.Field(output, "Stored facts"), CliOutput.Field(output, "Replayed facts"));
        Assert.Contains("1 replayed, 1 identical, 0 different", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--all", "--decision-id", "1")]
    [InlineData]
    [InlineData("--decision-id", "0")]
    public async Task Replay_NeitherOrBothOrBadId_Exit2(params string[] args)
    {
        var (exit, output) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("--decision-id", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayOne_UnknownId_Exit1()
    {
        var (exit, output) = await RunAsync("--decision-id", "999999999");

        Assert.Equal(1, exit);
        Assert.Contains("NOT_FOUND", output, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) =>
        CliOutput.RunAsync(["decision", "replay", "--hub", _hub.Address.ToString(), "--token", TestHub.OperatorToken, .. args]);
}

[Trait("storage", "sqlite")]
public sealed class SqliteDecisionReplayCommandTests() : DecisionReplayCommandTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresDecisionReplayCommandTests() : DecisionReplayCommandTests(StorageProvider.Postgres);

using System.Globalization;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Tests.Cli;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Simulate;

/// <summary>
/// "FACTS": <c>exchangehub decision replay</c> against the real hub (SQLite and PostgreSQL) after the synthetic data
/// set at a small scale was pushed and reconciled, its certificates decided and its transfer requests acted on (incoming
/// accepted, outgoing requested): every stored decision of every programme replays identically at its own D and T.
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
        await new SkillSubsidyService.SkillSubsidyServiceClient(_hub.Channel(TestHub.OperatorToken))
            .DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = "2024-12-31" }, deadline: DateTime.UtcNow.AddMinutes(2));
        await ActOnTransferRequestsAsync();
    }

    /// <summary>Every incoming request of the data set accepted, every outgoing one requested (fund: 2,000 yuan a month, 3 months due).</summary>
    private async Task ActOnTransferRequestsAsync()
    {
        List<(string Id, int Direction)> requests;
        await using (var db = _hub.Services.GetRequiredService<HubDatabase>().CreateContext())
        {
            requests = [.. (await db.TransferRequests.Select(r => new { r.SourceRecordId, r.Direction }).Distinct().ToListAsync())
                .Select(r => (r.SourceRecordId, r.Direction)).OrderBy(r => r.SourceRecordId, StringComparer.Ordinal)];
        }
        var transfers = new TransferService.TransferServiceClient(_hub.Channel(TestHub.OperatorToken));
        foreach (var (id, direction) in requests)
        {
            if (direction == StoredTransferDirection.In)
            {
                await transfers.AcceptTransferAsync(new AcceptTransferRequest { TransferId = id });
            }
            else
            {
                await transfers.RequestTransferOutAsync(new RequestTransferOutRequest { TransferId = id, MonthlyBenefitFen = 200_000, MonthsDue = 3 });
            }
        }
    }

    [Theory]
    [InlineData("skills", "skill_subsidy_decisions WHERE is_current = TRUE")]
    [InlineData("transfers", "transfer_cases WHERE requested_on >= '2024-01-01'")]
    public async Task ReplayAll_PersonProgrammes_EveryDecisionOfTheDataSetIdenticalExit0(string programme, string decisions)
    {
        var count = await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM " + decisions);

        var (exit, output) = await RunAsync("--programme", programme, "--program-year", "2024", "--all");

        Assert.True(exit == 0, output);
        Assert.True(count > 0, programme);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{count} replayed, {count} identical, 0 different"), output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"replaying: {count}/{count} decisions (100%)"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayOne_Transfer_PrintsTheReplayAndExit0()
    {
        string transferId;
        await using (var db = _hub.Services.GetRequiredService<HubDatabase>().CreateContext())
        {
            transferId = await db.TransferCases.OrderBy(c => c.Id).Select(c => c.TransferId).FirstAsync();
        }

        var (exit, output) = await RunAsync("--programme", "transfers", "--transfer-id", transferId);

        Assert.True(exit == 0, output);
        Assert.Equal(("yes", transferId), (CliOutput.Field(output, "Identical"), CliOutput.Field(output, "Transfer")));
        Assert.Contains("1 replayed, 1 identical, 0 different", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transfers", "--decision-id", "1")]
    [InlineData("transfers")]
    [InlineData("skills", "--transfer-id", "x")]
    public async Task Replay_KeyNotOfTheProgramme_Exit2(string programme, params string[] args)
    {
        var (exit, _) = await RunAsync(["--programme", programme, .. args]);

        Assert.Equal(2, exit);
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

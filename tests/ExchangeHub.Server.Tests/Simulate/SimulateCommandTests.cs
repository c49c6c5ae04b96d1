using System.Globalization;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Cli;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Synthetic;

namespace ExchangeHub.Server.Tests.Simulate;

/// <summary>
/// <c>exchangehub simulate</c> against the real hub (SQLite and PostgreSQL, development tokens): every generated
/// record goes through the agencies' own feeds and is stored, the database holds what the summary says, and a second
/// run changes nothing.
/// </summary>
public abstract class SimulateCommandTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly SimulationScale Scale = new(50, 500, 2024, 7);

    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
    });

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Simulate_SmallScale_EveryRecordStoredAndCounted()
    {
        var data = SyntheticDataset.Create(Scale);

        var (exit, output) = await SimulateAsync("--batch-size", "700");

        Assert.True(exit == 0, output);
        var rows = Summary(output);
        Assert.Equal(data.TotalRecords, rows["total"].Sent);
        Assert.Equal(0, rows["total"].Rejected);
        Assert.Equal(0, rows["total"].Duplicate);
        Assert.Equal(0, rows["total"].AlreadyCorrected);
        // Every record is stored: new ones accepted, the late pass's revision 2 corrected.
        Assert.Equal(rows["total"].Sent, rows["total"].Accepted + rows["total"].Corrected);
        Assert.Equal(data.CorrectedSourceIds().Count, rows["total"].Corrected);
        Assert.Contains("simulating: contributions: ", output, StringComparison.Ordinal);
        Assert.Contains("(100%)", output, StringComparison.Ordinal);

        Assert.Equal(Accepted(rows, "units"), await CountAsync("units"));
        Assert.Equal(Accepted(rows, "contributions"), await CountAsync("contribution_lines"));
        Assert.Equal(Accepted(rows, "settlements"), await CountAsync("settlement_statuses"));
        Assert.Equal(Accepted(rows, "transfer requests"), await CountAsync("transfer_requests"));
        Assert.Equal(Accepted(rows, "certificates"), await CountAsync("skill_certificates"));
        Assert.Equal(Accepted(rows, "training subsidy payments"), await CountAsync("training_subsidy_payments"));
        Assert.Equal(rows["total"].Corrected, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM record_versions"));
        Assert.Equal(2, await _hub.Database.ScalarAsync("SELECT MAX(revision) FROM contribution_lines"));
    }

    [Fact]
    public async Task Simulate_SameSeedAgain_NothingChanges()
    {
        Assert.Equal(0, (await SimulateAsync()).Exit);
        var versions = await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM record_versions");
        var lines = await CountAsync("contribution_lines");

        var (exit, output) = await SimulateAsync();

        Assert.True(exit == 0, output);
        var total = Summary(output)["total"];
        Assert.Equal((0L, 0L, 0L), (total.Accepted, total.Corrected, total.Rejected));
        // Revision 1 of a record this simulation corrected is older than the stored revision 2: the hub refuses
        // it STALE_REVISION, simulate counts it as already corrected; everything else is a duplicate.
        Assert.Equal(total.Sent, total.Duplicate + total.AlreadyCorrected);
        Assert.Equal(SyntheticDataset.Create(Scale).CorrectedSourceIds().Count, total.AlreadyCorrected);
        Assert.Equal(versions, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM record_versions"));
        Assert.Equal(lines, await CountAsync("contribution_lines"));
    }

    [Fact]
    public async Task Simulate_OtherSeed_SharesTheHubWithoutConflicts()
    {
        Assert.Equal(0, (await SimulateAsync()).Exit);

        var (exit, output) = await SimulateAsync("--seed", "8");

        Assert.True(exit == 0, output);
        Assert.Equal(0, Summary(output)["total"].Duplicate);
    }

    [Fact]
    public async Task Simulate_HubRejectsARecord_Exit1PrintingTheRejection()
    {
        // Another client already stored the simulation's first unit id with other content: REVISION_CONFLICT.
        var data = SyntheticDataset.Create(Scale);
        var first = data.UnitRecords(SimulationPass.OnTime).First();
        first.Name = "stored earlier with another name";
        var market = new V1.MarketRegulationFeedService.MarketRegulationFeedServiceClient(_hub.Channel(TestHub.MarketToken));
        using (var call = market.PushUnits())
        {
            await call.RequestStream.WriteAsync(new V1.PushUnitsRequest { Units = { first } });
            await call.RequestStream.CompleteAsync();
            Assert.Equal(1, (await call.ResponseAsync).Summary.Accepted);
        }

        var (exit, output) = await SimulateAsync();

        Assert.Equal(1, exit);
        Assert.Equal(1, Summary(output)["total"].Rejected);
        Assert.Contains("1 records rejected; the first 1:", output, StringComparison.Ordinal);
        var rejection = CliOutput.Rows(output).Single(r => r.Length == 5 && r[1] == first.SourceRecordId);
        Assert.Equal(("units", "revision", "REVISION_CONFLICT"), (rejection[0], rejection[2], rejection[3]));
    }

    [Fact]
    public async Task Simulate_WrongAgencyToken_Exit2NamingTheOption()
    {
        var (exit, output) = await SimulateAsync("--market-token", TestHub.TaxToken);

        Assert.Equal(2, exit);
        Assert.Contains("PERMISSION_DENIED", output, StringComparison.Ordinal);
        Assert.Contains("--market-token", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_CurrentYear_Exit2BeforeSendingAnything()
    {
        var (exit, output) = await SimulateAsync("--year", DateTime.UtcNow.AddHours(8).Year.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(2, exit);
        Assert.Contains("full past year", output, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("units"));
    }

    /// <summary>simulate at <see cref="Scale"/> against the test hub; options in <paramref name="extra"/> replace the defaults.</summary>
    private Task<(int Exit, string Output)> SimulateAsync(params string[] extra)
    {
        var args = new List<string> { "simulate", "--hub", _hub.Address.ToString() };
        foreach (var (option, value) in new[] { ("--units", Scale.Units), ("--persons", Scale.Persons), ("--year", Scale.ProgrammeYear), ("--seed", (int)Scale.Seed) })
        {
            if (!extra.Contains(option))
            {
                args.AddRange([option, value.ToString(CultureInfo.InvariantCulture)]);
            }
        }
        args.AddRange(extra);
        return CliOutput.RunAsync([.. args]);
    }

    private Task<long> CountAsync(string table) => _hub.Database.ScalarAsync($"SELECT COUNT(*) FROM {table}");

    private static long Accepted(Dictionary<string, SummaryRow> rows, string feed) =>
        rows[feed].Accepted + rows.GetValueOrDefault(feed + " (late)").Accepted;

    private static Dictionary<string, SummaryRow> Summary(string output) => CliOutput.Rows(output)
        .Where(r => r.Length == 7 && r[0] != "Feed")
        .ToDictionary(r => r[0], r => new SummaryRow(N(r[1]), N(r[2]), N(r[3]), N(r[4]), N(r[5]), N(r[6])));

    private static long N(string cell) => long.Parse(cell, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private readonly record struct SummaryRow(long Sent, long Accepted, long Duplicate, long Corrected, long AlreadyCorrected, long Rejected);
}

[Trait("storage", "sqlite")]
public sealed class SqliteSimulateCommandTests() : SimulateCommandTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresSimulateCommandTests() : SimulateCommandTests(StorageProvider.Postgres);

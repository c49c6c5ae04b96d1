using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>
/// The relay's reads find parked subjects through the partial index of parked unsent rows (migration
/// OutboxParkedSubjectIndex). Without it SQLite looked up every unsent row for its parked column on every read — 190 ms
/// per read with 150,000 rows waiting, most of the relay's system time (2026-12-01 <c>perf</c>).
/// </summary>
public sealed class OutboxQueryPlanTests
{
    private const string ParkedIndex = "ix_outbox_messages_subject_key";

    [Fact]
    public async Task Sqlite_EveryRelayableRead_FindsParkedSubjectsThroughThePartialIndex()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new() { ["Hub:Messaging:Enabled"] = "false" });
        await using var connection = new SqliteConnection(hub.Database.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(4, OutboxStore.RelayableReads.Count);
        foreach (var sql in OutboxStore.RelayableReads)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            command.Parameters.AddWithValue("@p0", 100);
            command.Parameters.AddWithValue("@p1", sql.Contains("json_each", StringComparison.Ordinal) ? "[1,2]" : 0);
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(3));
                }
            }
            Assert.Contains(plan, line => line.Contains(ParkedIndex, StringComparison.Ordinal));
            // The parked subjects' list is not found by visiting the unsent rows themselves any more.
            Assert.DoesNotContain(plan, line => line.StartsWith("SEARCH p USING INDEX ix_outbox_messages_sent_at", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Migration_CreatesThePartialIndexOfParkedUnsentRows(StorageProvider provider)
    {
        await using var hub = await TestHub.StartAsync(provider, new() { ["Hub:Messaging:Enabled"] = "false" });
        string definition;
        if (provider == StorageProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(hub.Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{ParkedIndex}'";
            definition = (string)(await command.ExecuteScalarAsync())!;
        }
        else
        {
            await using var connection = new NpgsqlConnection(hub.Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT indexdef FROM pg_indexes WHERE indexname = '{ParkedIndex}'";
            definition = (string)(await command.ExecuteScalarAsync())!;
        }
        Assert.Contains("subject_key", definition, StringComparison.Ordinal);
        Assert.Contains("parked_at_unix_ms IS NOT NULL", definition, StringComparison.Ordinal);
        Assert.Contains("sent_at_unix_ms IS NULL", definition, StringComparison.Ordinal);
        Assert.Contains("released_at_unix_ms IS NULL", definition, StringComparison.Ordinal);
    }
}

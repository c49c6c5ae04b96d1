using System.Diagnostics;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExchangeHub.Server.Tests.Feeds;

/// <summary>
/// Real storage faults in the middle of a feed stream (issue 13, item 7): three batches are stored, the fourth meets the
/// fault. The call answers a code and ErrorInfo reason the client can act on, with the failed batch, what is stored before
/// it and a RetryInfo; the three batches stay stored, and once the fault is gone the whole stream again stores the rest.
/// SQLite: <c>max_page_count</c> on the writer connection (SQLITE_FULL), <c>query_only</c> on it (SQLITE_READONLY), the
/// database files made immutable with <c>chattr +i</c> (SQLITE_IOERR: root ignores mode bits, not the immutable flag).
/// PostgreSQL: the writer's connection terminated (<c>pg_terminate_backend</c>) while its COPY waits on a table lock.
/// </summary>
[Trait("issue", "13")]
public sealed class StorageFaultTests
{
    private const int PerBatch = 400;
    private const int Stored = 3 * PerBatch;

    /// <summary>The fault, set on the writer connection, and how an operator lifts it.</summary>
    [Theory]
    [InlineData("PRAGMA max_page_count = 1", "PRAGMA max_page_count = 2147483646", StatusCode.ResourceExhausted, StorageFaults.StorageFull)]
    [InlineData("PRAGMA query_only = ON", "PRAGMA query_only = OFF", StatusCode.Unavailable, StorageFaults.StorageReadOnly)]
    public async Task PushContributions_SqliteFaultAtTheFourthBatch_CodeReasonAndThreeBatchesKept(string fault, string lift, StatusCode code, string reason)
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite);
        var p = Prefix();
        var ex = await PushMeetingFaultAsync(hub, p, () => OnWriterAsync(hub, fault), () => Task.CompletedTask);

        await AssertFaultAsync(hub, p, ex, code, reason);
        await OnWriterAsync(hub, lift);
        await AssertRetryStoresTheRestAsync(hub, p);
    }

    [Fact]
    public async Task PushContributions_SqliteFilesImmutableAtTheFourthBatch_UnavailableStorageUnavailable()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite);
        var file = new SqliteConnectionStringBuilder(hub.Database.ConnectionString).DataSource;
        var files = new[] { file, file + "-wal" }.Where(File.Exists).ToArray();
        var p = Prefix();
        RpcException ex;
        try
        {
            ex = await PushMeetingFaultAsync(hub, p, () => ChattrAsync("+i", files), () => Task.CompletedTask);
        }
        finally
        {
            await ChattrAsync("-i", files);
        }

        await AssertFaultAsync(hub, p, ex, StatusCode.Unavailable, StorageFaults.StorageUnavailable);
    }

    [Fact]
    [Trait("storage", "postgres")]
    public async Task PushContributions_PostgresConnectionTerminatedAtTheFourthBatch_UnavailableAndThreeBatchesKept()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Postgres);
        await using var locker = new NpgsqlConnection(hub.Database.ConnectionString);
        await locker.OpenAsync();
        NpgsqlTransaction? locked = null;
        var p = Prefix();
        var ex = await PushMeetingFaultAsync(hub, p,
            async () =>
            {
                locked = await locker.BeginTransactionAsync();
                await ExecuteAsync(locker, "LOCK TABLE contribution_lines IN ACCESS EXCLUSIVE MODE");
            },
            async () =>
            {
                // The hub's COPY of batch 3 waits on the lock: its connection is the one to cut.
                var pid = await WaitForAsync(async () => await ScalarAsync(locker,
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' LIMIT 1"));
                await ExecuteAsync(locker, $"SELECT pg_terminate_backend({pid})");
                await locked!.RollbackAsync();
            });

        await AssertFaultAsync(hub, p, ex, StatusCode.Unavailable, StorageFaults.StorageUnavailable);
        await AssertRetryStoresTheRestAsync(hub, p);
    }

    /// <summary>Not a feed: the call interceptor answers any other mutating call's storage fault the same way.</summary>
    [Fact]
    public async Task RunReconciliation_SqliteReadOnly_UnavailableStorageReadOnlyNotUnknown()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite);
        await OnWriterAsync(hub, "PRAGMA query_only = ON");

        var ex = await Assert.ThrowsAsync<RpcException>(() => Reconciliation.EventDeliveryTests.RunAsync(hub.Channel(TestHub.OperatorToken)));

        var status = ex.GetRpcStatus()!;
        Assert.Equal((StatusCode.Unavailable, StorageFaults.StorageReadOnly), (ex.StatusCode, status.GetDetail<ErrorInfo>().Reason));
        Assert.NotNull(status.GetDetail<RetryInfo>());
    }

    private static string Prefix() => "sf" + Guid.NewGuid().ToString("N")[..8] + "-";

    private static List<ContributionLine> Batch(string p, int batch) =>
        [.. Enumerable.Range(batch * PerBatch, PerBatch).Select(i => Records.Line(p + i))];

    /// <summary>Batches 0–2, stored; then <paramref name="before"/>, batch 3, <paramref name="during"/>, and the end of the stream.</summary>
    private static async Task<RpcException> PushMeetingFaultAsync(TestHub hub, string p, Func<Task> before, Func<Task> during)
    {
        using var call = new TaxFeedService.TaxFeedServiceClient(hub.Channel(TestHub.TaxToken)).PushContributions(deadline: Infrastructure.Feeds.Deadline());
        for (var b = 0; b < 3; b++)
        {
            await call.RequestStream.WriteAsync(new PushContributionsRequest { Lines = { Batch(p, b) } });
        }
        await WaitForAsync(async () => await CountAsync(hub, p) == Stored ? 1L : null);
        await before();
        await call.RequestStream.WriteAsync(new PushContributionsRequest { Lines = { Batch(p, 3) } });
        await during();
        try
        {
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The hub may have answered before the end of the stream; the answer is below.
        }
        return await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
    }

    private static async Task AssertFaultAsync(TestHub hub, string p, RpcException ex, StatusCode code, string reason)
    {
        var status = ex.GetRpcStatus()!;
        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal((code, reason, "exchangehub.v1"), (ex.StatusCode, info.Reason, info.Domain));
        Assert.Equal(("3", "3", Stored.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (info.Metadata["batch_index"], info.Metadata["batches_stored"], info.Metadata["records_stored"]));
        Assert.True(status.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan() > TimeSpan.Zero);
        Assert.Equal(Stored, await CountAsync(hub, p));
    }

    private static async Task AssertRetryStoresTheRestAsync(TestHub hub, string p)
    {
        var summary = await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), Batch(p, 0), Batch(p, 1), Batch(p, 2), Batch(p, 3));
        Assert.Equal((4, PerBatch, Stored, 0), (summary.Batches, summary.Accepted, summary.Duplicate, summary.Rejected));
        Assert.Equal(Stored + PerBatch, await CountAsync(hub, p));
    }

    private static Task<long> CountAsync(TestHub hub, string p) =>
        hub.Database.ScalarAsync($"SELECT COUNT(*) FROM contribution_lines WHERE source_record_id LIKE '{p}%'");

    /// <summary>Runs <paramref name="sql"/> on the hub's own SQLite writer connection (the pragmas are per connection).</summary>
    private static async Task OnWriterAsync(TestHub hub, string sql)
    {
        await using var lease = await hub.Services.GetRequiredService<HubDatabase>().AcquireWriterAsync(CancellationToken.None);
        await using var command = lease.Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ChattrAsync(string flag, string[] files)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, .. files]) { RedirectStandardError = true })!;
        var error = await chattr.StandardError.ReadToEndAsync();
        await chattr.WaitForExitAsync();
        Assert.True(chattr.ExitCode == 0, $"chattr {flag} (needs root on ext4 or a like file system): {error}");
    }

    private static async Task<long> WaitForAsync(Func<Task<long?>> probe)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the condition was not met within 60 s");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}

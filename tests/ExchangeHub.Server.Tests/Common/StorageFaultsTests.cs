using ExchangeHub.Server.Common;
using ExchangeHub.Server.Storage;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExchangeHub.Server.Tests.Common;

/// <summary>
/// Which storage errors a client can act on (issue 13, item 7) and which conflicts the hub retries itself (item 8).
/// PostgreSQL's 53100 (disk full) cannot be produced here (no tablespace quota), so it is checked as a mapping only;
/// the faults the tests can cause for real are in Feeds/StorageFaultTests.
/// </summary>
[Trait("issue", "13")]
public sealed class StorageFaultsTests
{
    [Theory]
    [InlineData("53100", StatusCode.ResourceExhausted, StorageFaults.StorageFull)]
    [InlineData("25006", StatusCode.Unavailable, StorageFaults.StorageReadOnly)]
    [InlineData("08000", StatusCode.Unavailable, StorageFaults.StorageUnavailable)]
    [InlineData("08006", StatusCode.Unavailable, StorageFaults.StorageUnavailable)]
    [InlineData("57P01", StatusCode.Unavailable, StorageFaults.StorageUnavailable)]
    [InlineData("57P02", StatusCode.Unavailable, StorageFaults.StorageUnavailable)]
    [InlineData("57P03", StatusCode.Unavailable, StorageFaults.StorageUnavailable)]
    [InlineData("53300", StatusCode.Unavailable, StorageFaults.StorageUnavailable)]
    public void Classify_PostgresSqlState_CodeAndReason(string sqlState, StatusCode code, string reason)
    {
        var fault = StorageFaults.Classify(new PostgresException("m", "FATAL", "FATAL", sqlState));
        Assert.Equal((code, reason), (fault?.Code, fault?.Reason));
        Assert.True(fault!.RetryAfter > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("23505")] // unique violation: the writer's own business
    [InlineData("40P01")] // deadlock: retried inside the hub, never the client's
    [InlineData("40001")]
    [InlineData("22003")] // numeric out of range: a bug, not a storage fault
    public void Classify_OtherPostgresErrors_NotAStorageFault(string sqlState) =>
        Assert.Null(StorageFaults.Classify(new PostgresException("m", "ERROR", "ERROR", sqlState)));

    [Theory]
    [InlineData(13, StatusCode.ResourceExhausted, StorageFaults.StorageFull)]
    [InlineData(8, StatusCode.Unavailable, StorageFaults.StorageReadOnly)]
    [InlineData(1032, StatusCode.Unavailable, StorageFaults.StorageReadOnly)] // SQLITE_READONLY_DBMOVED
    [InlineData(10, StatusCode.Unavailable, StorageFaults.StorageUnavailable)]
    [InlineData(778, StatusCode.Unavailable, StorageFaults.StorageUnavailable)] // SQLITE_IOERR_WRITE
    [InlineData(14, StatusCode.Unavailable, StorageFaults.StorageUnavailable)]
    public void Classify_SqliteCode_CodeAndReason(int sqliteCode, StatusCode code, string reason)
    {
        var fault = StorageFaults.Classify(new InvalidOperationException("wrapped", new SqliteException("m", sqliteCode)));
        Assert.Equal((code, reason), (fault?.Code, fault?.Reason));
    }

    [Theory]
    [InlineData(19)] // constraint
    [InlineData(5)] // busy: the writer gate and BEGIN IMMEDIATE keep it away
    [InlineData(11)] // corrupt: an operator's problem, not a retry
    public void Classify_OtherSqliteCodes_NotAStorageFault(int sqliteCode) =>
        Assert.Null(StorageFaults.Classify(new SqliteException("m", sqliteCode)));

    [Fact]
    public void Classify_ConnectionLostOnTheWire_Unavailable() =>
        Assert.Equal(StorageFaults.StorageUnavailable,
            StorageFaults.Classify(new NpgsqlException("Exception while reading from stream", new IOException("reset")))?.Reason);

    [Fact]
    public void Classify_NotStorage_Null() => Assert.Null(StorageFaults.Classify(new InvalidOperationException("a bug")));

    [Theory]
    [InlineData("40P01", true)]
    [InlineData("40001", true)]
    [InlineData("23505", false)]
    [InlineData("57P01", false)]
    public void IsRetryable_DeadlockAndSerializationFailureOnly(string sqlState, bool retryable) =>
        Assert.Equal(retryable, TransientConflicts.IsRetryable(new PostgresException("m", "ERROR", "ERROR", sqlState)));

    [Fact]
    public async Task RunAsync_DeadlockTwiceThenCommitted_RunsAgainAndReturns()
    {
        var attempts = 0;
        var result = await TransientConflicts.RunAsync(() =>
        {
            attempts++;
            return attempts < 3 ? throw new PostgresException("deadlock", "ERROR", "ERROR", "40P01") : Task.FromResult(attempts);
        }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "test", CancellationToken.None);
        Assert.Equal(3, result);
    }

    [Fact]
    public async Task RunAsync_DeadlockEveryTime_GivesUpAfterMaxAttempts()
    {
        var attempts = 0;
        await Assert.ThrowsAsync<PostgresException>(() => TransientConflicts.RunAsync<int>(() =>
        {
            attempts++;
            throw new PostgresException("deadlock", "ERROR", "ERROR", "40P01");
        }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "test", CancellationToken.None));
        Assert.Equal(TransientConflicts.MaxAttempts, attempts);
    }
}

using System.Data.Common;
using System.Text.RegularExpressions;
using ExchangeHub.Server.Configuration;
using Npgsql;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// Exclusive use of a writer connection. Prepared commands are cached per lease; on SQLite the lease (and its
/// cache) lives as long as the hub, so the hot path prepares each statement once.
/// </summary>
public sealed class WriterLease : IAsyncDisposable
{
    private readonly Action? _release;
    private readonly bool _ownsConnection;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteRawInsert> _rawInserts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _positionalSql = new(StringComparer.Ordinal);
    private NpgsqlBatch? _deferred;

    /// <summary>Deferred writes sent in one round trip at the latest (PostgreSQL).</summary>
    private const int MaxDeferred = 1000;

    internal WriterLease(DbConnection connection, StorageProvider provider, Action? release, bool ownsConnection)
    {
        Connection = connection;
        Provider = provider;
        _release = release;
        _ownsConnection = ownsConnection;
    }

    public DbConnection Connection { get; }

    /// <summary>Finalises the raw statements; they must go before their connection closes.</summary>
    internal void DisposeRawInserts()
    {
        foreach (var insert in _rawInserts.Values)
        {
            insert.Dispose();
        }
        _rawInserts.Clear();
    }
    public StorageProvider Provider { get; }
    public DbTransaction? Transaction { get; private set; }

    /// <summary>
    /// Starts the lease's transaction. On SQLite it is <c>BEGIN IMMEDIATE</c>: the write lock is taken up front, so a
    /// transaction never fails half-way because another process (the CLI) started writing.
    /// </summary>
    public async Task BeginAsync(CancellationToken ct)
    {
        Transaction = Provider == StorageProvider.Sqlite
            ? ((Microsoft.Data.Sqlite.SqliteConnection)Connection).BeginTransaction(deferred: false)
            : await Connection.BeginTransactionAsync(ct);
        foreach (var command in _commands.Values)
        {
            command.Transaction = Transaction;
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (Transaction is null)
        {
            return;
        }
        await FlushAsync(ct);
        await Transaction.CommitAsync(ct);
        await Transaction.DisposeAsync();
        Transaction = null;
    }

    public async Task RollbackAsync()
    {
        await DiscardDeferredAsync();
        if (Transaction is null)
        {
            return;
        }
        try
        {
            await Transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await Transaction.DisposeAsync();
            Transaction = null;
        }
    }

    /// <summary>A prepared command for <paramref name="sql"/>, created once per lease with parameters @p0…@pN-1.</summary>
    public DbCommand Command(string sql, int parameterCount)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameterCount; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }
            _commands[sql] = command;
        }
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>
    /// A write in the open transaction that nothing reads back before the commit (an outbox row, a case's new state).
    /// SQLite runs it at once (an in-process call costs nothing); PostgreSQL queues it and sends the queue in one round
    /// trip (an <see cref="NpgsqlBatch"/>, in order) when it is full and before the commit — the commit, or
    /// <see cref="FlushAsync"/>, reports its errors. <paramref name="sql"/> uses parameters @p0…@pN-1.
    /// </summary>
    public async Task ExecuteDeferredAsync(string sql, object?[] values, CancellationToken ct)
    {
        if (Transaction is null)
        {
            throw new InvalidOperationException("deferred writes belong to a transaction: call BeginAsync first");
        }
        if (Provider != StorageProvider.Postgres)
        {
            var command = Command(sql, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
            return;
        }
        if (!_positionalSql.TryGetValue(sql, out var positional))
        {
            // @p0 → $1: batch commands take positional parameters.
            positional = Regex.Replace(sql, @"@p(\d+)", m => "$" + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)
                .ToString(System.Globalization.CultureInfo.InvariantCulture));
            _positionalSql[sql] = positional;
        }
        _deferred ??= new NpgsqlBatch((NpgsqlConnection)Connection, (NpgsqlTransaction)Transaction);
        var batched = new NpgsqlBatchCommand(positional);
        foreach (var value in values)
        {
            batched.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        _deferred.BatchCommands.Add(batched);
        if (_deferred.BatchCommands.Count >= MaxDeferred)
        {
            await FlushAsync(ct);
        }
    }

    /// <summary>Sends the queued deferred writes (PostgreSQL); nothing to do on SQLite.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_deferred is null)
        {
            return;
        }
        var batch = _deferred;
        _deferred = null;
        await using (batch)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task DiscardDeferredAsync()
    {
        if (_deferred is not null)
        {
            await _deferred.DisposeAsync();
            _deferred = null;
        }
    }

    /// <summary>SQLite only: a statement prepared once for the hot path (see <see cref="SqliteRawInsert"/>).</summary>
    public SqliteRawInsert RawInsert(string sql)
    {
        if (!_rawInserts.TryGetValue(sql, out var insert))
        {
            insert = new SqliteRawInsert((Microsoft.Data.Sqlite.SqliteConnection)Connection, sql);
            _rawInserts[sql] = insert;
        }
        return insert;
    }

    public async ValueTask DisposeAsync()
    {
        await DiscardDeferredAsync();
        if (Transaction is not null)
        {
            await RollbackAsync();
        }
        if (_ownsConnection)
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync();
            }
            _commands.Clear();
            DisposeRawInserts();
            await Connection.DisposeAsync();
        }
        _release?.Invoke();
    }
}

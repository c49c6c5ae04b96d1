using System.Data.Common;
using ExchangeHub.Server.Configuration;

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
        await Transaction.CommitAsync(ct);
        await Transaction.DisposeAsync();
        Transaction = null;
    }

    public async Task RollbackAsync()
    {
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

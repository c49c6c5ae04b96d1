using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// The ingestion hot path on PostgreSQL: the new rows of a batch go in by binary <c>COPY</c>, in the batch's order
/// (ids ascend as with one INSERT per row). First one index probe finds the keys already stored; the others are
/// copied straight into the table under a savepoint. Should another writer store one of those keys in the meantime
/// (the COPY then fails with a unique violation), the copy is rolled back to the savepoint and redone through a
/// staging table that lives only for the transaction:
/// <c>INSERT … SELECT … ORDER BY ordinal ON CONFLICT (scope, key) DO NOTHING RETURNING key</c>.
/// Either way the caller learns which keys were inserted and resolves the rest itself.
/// </summary>
public sealed class PostgresCopyInsert
{
    private const string Savepoint = "copy_insert";
    private readonly string _table;
    private readonly IReadOnlyList<string> _columns;
    private readonly string _probeSql;
    private readonly string _copySql;
    private readonly string _createStagingSql;
    private readonly string _copyStagingSql;
    private readonly string _mergeSql;
    private ColumnWriter[]? _writers;

    /// <param name="table">the target table</param>
    /// <param name="columns">the columns each row gives values for, in order</param>
    /// <param name="scopeColumn">with <paramref name="keyColumn"/>, the columns of the table's unique index</param>
    /// <param name="keyColumn">the text column that identifies a row within its scope</param>
    public PostgresCopyInsert(string table, IReadOnlyList<string> columns, string scopeColumn, string keyColumn)
    {
        _table = table;
        _columns = columns;
        var all = string.Join(", ", columns);
        var staging = "staging_" + table;
        _probeSql = $"SELECT {keyColumn} FROM {table} WHERE {scopeColumn} = @scope AND {keyColumn} = ANY(@keys)";
        _copySql = $"COPY {table} ({all}) FROM STDIN (FORMAT BINARY)";
        // Same column types as the table, no constraints or defaults; dropped when the transaction ends.
        _createStagingSql = $"CREATE TEMP TABLE {staging} ON COMMIT DROP AS SELECT 0 AS ordinal, {all} FROM {table} WITH NO DATA";
        _copyStagingSql = $"COPY {staging} (ordinal, {all}) FROM STDIN (FORMAT BINARY)";
        _mergeSql = $"INSERT INTO {table} ({all}) SELECT {all} FROM {staging} ORDER BY ordinal "
            + $"ON CONFLICT ({scopeColumn}, {keyColumn}) DO NOTHING RETURNING {keyColumn}; DROP TABLE {staging}";
    }

    /// <summary>
    /// Inserts the rows whose key is not stored yet, inside <paramref name="transaction"/>, and returns the keys
    /// inserted. <paramref name="fill"/> writes a row's values in column order into the array it is given (one array
    /// is reused for every row). The rows must share <paramref name="scope"/> and must not repeat a key.
    /// </summary>
    public async Task<HashSet<string>> InsertAsync<TRow>(NpgsqlTransaction transaction, string scope, IReadOnlyList<TRow> rows,
        Func<TRow, string> key, Action<TRow, object?[]> fill, CancellationToken ct)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("the transaction has ended.");
        var writers = _writers ??= await ResolveWritersAsync(connection, ct);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var stored = await StoredKeysAsync(connection, transaction, scope, rows, key, ct);
        var tP = sw.Elapsed.TotalMilliseconds;
        var fresh = stored.Count == 0 ? rows : rows.Where(r => !stored.Contains(key(r))).ToList();
        var inserted = new HashSet<string>(fresh.Count, StringComparer.Ordinal);
        if (fresh.Count == 0)
        {
            return inserted;
        }

        await transaction.SaveAsync(Savepoint, ct);
        try
        {
            await CopyAsync(connection, _copySql, writers, fresh, fill, ordinal: false, ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            Console.Error.WriteLine($"COPYTRACE probe {tP:N1} copy {sw.Elapsed.TotalMilliseconds - tP:N1} at {DateTime.UtcNow:HH:mm:ss.fff}");
            foreach (var row in fresh)
            {
                inserted.Add(key(row));
            }
            return inserted;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another writer stored one of these keys since the probe: let ON CONFLICT sort them out.
            await transaction.RollbackAsync(Savepoint, ct);
        }

        await using (var create = new NpgsqlCommand(_createStagingSql, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await CopyAsync(connection, _copyStagingSql, writers, fresh, fill, ordinal: true, ct);
        await using var merge = new NpgsqlCommand(_mergeSql, connection, transaction);
        await using var reader = await merge.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add(reader.GetString(0));
        }
        return inserted;
    }

    private async Task<HashSet<string>> StoredKeysAsync<TRow>(NpgsqlConnection connection, NpgsqlTransaction transaction, string scope,
        IReadOnlyList<TRow> rows, Func<TRow, string> key, CancellationToken ct)
    {
        var keys = new string[rows.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = key(rows[i]);
        }

        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var probe = new NpgsqlCommand(_probeSql, connection, transaction);
        probe.Parameters.Add(new NpgsqlParameter<string>("scope", NpgsqlDbType.Text) { TypedValue = scope });
        probe.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
        await using var reader = await probe.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored.Add(reader.GetString(0));
        }
        return stored;
    }

    private static async Task CopyAsync<TRow>(NpgsqlConnection connection, string sql, ColumnWriter[] writers, IReadOnlyList<TRow> rows,
        Action<TRow, object?[]> fill, bool ordinal, CancellationToken ct)
    {
        var values = new object?[writers.Length];
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        for (var r = 0; r < rows.Count; r++)
        {
            fill(rows[r], values);
            await importer.StartRowAsync(ct);
            if (ordinal)
            {
                await importer.WriteAsync(r, NpgsqlDbType.Integer, ct);
            }
            for (var i = 0; i < writers.Length; i++)
            {
                await writers[i](importer, values[i], ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private delegate Task ColumnWriter(NpgsqlBinaryImporter importer, object? value, CancellationToken ct);

    /// <summary>One writer per column from the table's own column types (binary COPY needs the exact type).</summary>
    private async Task<ColumnWriter[]> ResolveWritersAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
            + "WHERE a.attrelid = @table::regclass AND a.attnum > 0 AND NOT a.attisdropped", connection))
        {
            command.Parameters.AddWithValue("table", _table);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return _columns.Select(c => types.TryGetValue(c, out var type)
                ? Writer(type, c)
                : throw new InvalidOperationException($"{_table} has no column {c}."))
            .ToArray();
    }

    private ColumnWriter Writer(string type, string column) => type switch
    {
        "int2" => Typed(NpgsqlDbType.Smallint, v => Convert.ToInt16(v, CultureInfo.InvariantCulture)),
        "int4" => Typed(NpgsqlDbType.Integer, v => Convert.ToInt32(v, CultureInfo.InvariantCulture)),
        "int8" => Typed(NpgsqlDbType.Bigint, v => Convert.ToInt64(v, CultureInfo.InvariantCulture)),
        "bool" => Typed(NpgsqlDbType.Boolean, v => Convert.ToBoolean(v, CultureInfo.InvariantCulture)),
        "text" => Typed(NpgsqlDbType.Text, v => Convert.ToString(v, CultureInfo.InvariantCulture)!),
        "varchar" => Typed(NpgsqlDbType.Varchar, v => Convert.ToString(v, CultureInfo.InvariantCulture)!),
        "date" => Typed(NpgsqlDbType.Date, v => v switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => DateOnly.ParseExact(Convert.ToString(v, CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        }),
        "float8" => Typed(NpgsqlDbType.Double, v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        "numeric" => Typed(NpgsqlDbType.Numeric, v => Convert.ToDecimal(v, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"{_table}.{column}: column type {type} is not supported by the COPY path."),
    };

    private static ColumnWriter Typed<T>(NpgsqlDbType dbType, Func<object, T> convert) =>
        (importer, value, ct) => value is null or DBNull
            ? importer.WriteNullAsync(ct)
            : importer.WriteAsync(convert(value), dbType, ct);
}

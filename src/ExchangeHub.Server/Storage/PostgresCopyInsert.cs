using System.Buffers;
using System.Globalization;
using System.Text;
using Npgsql;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// The ingestion hot path on PostgreSQL: the rows of a batch go in by <c>COPY</c> (text format), in the batch's order (ids
/// ascend as with one INSERT per row). Optimistically first: straight into the table, under a savepoint — the common
/// case of an agency sending new records costs one COPY. When a key is already stored (a resent or corrected
/// record, or another writer's row) the COPY fails with a unique violation; it is rolled back to the savepoint and
/// redone through a staging table that lives only for the transaction:
/// <c>INSERT … SELECT … ORDER BY ordinal ON CONFLICT (scope, key) DO NOTHING RETURNING key</c>.
/// Either way the caller learns which keys were inserted and resolves the rest itself.
/// </summary>
public sealed class PostgresCopyInsert
{
    private const string Savepoint = "copy_insert";
    private const int ChunkChars = 32 * 1024;
    private static readonly SearchValues<char> Special = SearchValues.Create("\\\t\n\r");
    private readonly string _table;
    private readonly IReadOnlyList<string> _columns;
    private readonly string _copySql;
    private readonly string _createStagingSql;
    private readonly string _copyStagingSql;
    private readonly string _mergeSql;
    private ColumnFormat[]? _formats;

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
        _copySql = $"COPY {table} ({all}) FROM STDIN";
        // Same column types as the table, no constraints or defaults; dropped when the transaction ends.
        _createStagingSql = $"CREATE TEMP TABLE {staging} ON COMMIT DROP AS SELECT 0 AS ordinal, {all} FROM {table} WITH NO DATA";
        _copyStagingSql = $"COPY {staging} (ordinal, {all}) FROM STDIN";
        _mergeSql = $"INSERT INTO {table} ({all}) SELECT {all} FROM {staging} ORDER BY ordinal "
            + $"ON CONFLICT ({scopeColumn}, {keyColumn}) DO NOTHING RETURNING {keyColumn}; DROP TABLE {staging}";
    }

    /// <summary>
    /// Inserts the rows whose key is not stored yet, inside <paramref name="transaction"/>, and returns the keys
    /// inserted. <paramref name="fill"/> writes a row's values in column order into the array it is given (one array
    /// is reused for every row). The rows must not repeat a key. <paramref name="straightFirst"/> false skips the optimistic
    /// COPY when the caller expects stored keys (a retried stream), which would fail on its first row.
    /// </summary>
    public async Task<HashSet<string>> InsertAsync<TRow>(NpgsqlTransaction transaction, IReadOnlyList<TRow> rows,
        Func<TRow, string> key, Action<TRow, object?[]> fill, CancellationToken ct, bool straightFirst = true)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("the transaction has ended.");
        var formats = _formats ??= await ResolveFormatsAsync(connection, ct);
        var inserted = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        if (rows.Count == 0)
        {
            return inserted;
        }

        if (straightFirst && await TryStraightAsync(transaction, connection, formats, rows, fill, ct))
        {
            foreach (var row in rows)
            {
                inserted.Add(key(row));
            }
            return inserted;
        }

        await using (var create = new NpgsqlCommand(_createStagingSql, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await CopyAsync(connection, _copyStagingSql, formats, rows, fill, ordinal: true, ct);
        await using var merge = new NpgsqlCommand(_mergeSql, connection, transaction);
        await using var reader = await merge.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add(reader.GetString(0));
        }
        return inserted;
    }

    /// <summary>The optimistic COPY straight into the table, under a savepoint: false (rolled back) when a key is stored.</summary>
    private async Task<bool> TryStraightAsync<TRow>(NpgsqlTransaction transaction, NpgsqlConnection connection, ColumnFormat[] formats,
        IReadOnlyList<TRow> rows, Action<TRow, object?[]> fill, CancellationToken ct)
    {
        await transaction.SaveAsync(Savepoint, ct);
        try
        {
            await CopyAsync(connection, _copySql, formats, rows, fill, ordinal: false, ct);
            await transaction.ReleaseAsync(Savepoint, ct);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(Savepoint, ct);
            return false;
        }
    }

    private static async Task CopyAsync<TRow>(NpgsqlConnection connection, string sql, ColumnFormat[] formats, IReadOnlyList<TRow> rows,
        Action<TRow, object?[]> fill, bool ordinal, CancellationToken ct)
    {
        var values = new object?[formats.Length];
        var text = new StringBuilder(ChunkChars + 1024);
        var writer = (NpgsqlCopyTextWriter)await connection.BeginTextImportAsync(sql, ct);
        try
        {
            for (var r = 0; r < rows.Count; r++)
            {
                fill(rows[r], values);
                if (ordinal)
                {
                    text.Append(r).Append('\t');
                }
                for (var i = 0; i < formats.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append('\t');
                    }
                    if (values[i] is null or DBNull)
                    {
                        text.Append("\\N");
                    }
                    else
                    {
                        formats[i](text, values[i]!);
                    }
                }
                text.Append('\n');
                if (text.Length >= ChunkChars)
                {
                    await writer.WriteAsync(text, ct);
                    text.Clear();
                }
            }
            await writer.WriteAsync(text, ct);
        }
        catch (Exception ex) when (ex is not PostgresException)
        {
            // Cancelled or failed on our side: end the COPY without storing its rows.
            await writer.CancelAsync();
            throw;
        }

        // Ends the COPY and reports its outcome: a unique violation surfaces here.
        await writer.DisposeAsync();
    }

    /// <summary>Appends one non-null value in COPY's text format.</summary>
    private delegate void ColumnFormat(StringBuilder text, object value);

    /// <summary>One formatter per column from the table's own column types.</summary>
    private async Task<ColumnFormat[]> ResolveFormatsAsync(NpgsqlConnection connection, CancellationToken ct)
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
                ? Format(type, c)
                : throw new InvalidOperationException($"{_table} has no column {c}."))
            .ToArray();
    }

    private ColumnFormat Format(string type, string column) => type switch
    {
        "int2" or "int4" or "int8" => (t, v) => t.Append(Convert.ToInt64(v, CultureInfo.InvariantCulture)),
        "bool" => (t, v) => t.Append(Convert.ToBoolean(v, CultureInfo.InvariantCulture) ? 't' : 'f'),
        "text" or "varchar" => (t, v) => AppendEscaped(t, Convert.ToString(v, CultureInfo.InvariantCulture)!),
        "date" => (t, v) => t.Append(v switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => DateOnly.ParseExact(Convert.ToString(v, CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }),
        "float8" => (t, v) => t.Append(Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        "numeric" => (t, v) => t.Append(Convert.ToDecimal(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"{_table}.{column}: column type {type} is not supported by the COPY path."),
    };

    /// <summary>COPY text format: backslash, tab, newline and carriage return are escaped with a backslash.</summary>
    private static void AppendEscaped(StringBuilder text, string value)
    {
        if (value.AsSpan().IndexOfAny(Special) < 0)
        {
            text.Append(value);
            return;
        }
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '\t' => text.Append("\\t"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                _ => text.Append(c),
            };
        }
    }
}

using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// The ingestion hot path on PostgreSQL: a batch of rows goes through binary <c>COPY</c> into a staging table that
/// lives only for the transaction, then into the table with one
/// <c>INSERT … SELECT … ORDER BY ordinal ON CONFLICT (key) DO NOTHING RETURNING key</c>. Three round trips per
/// batch instead of one per row; rows keep the batch's order (ids ascend as with one INSERT per row). Rows whose key
/// is already stored are skipped and left to the caller, who learns which keys were inserted.
/// </summary>
public sealed class PostgresCopyInsert
{
    private readonly string _table;
    private readonly IReadOnlyList<string> _columns;
    private readonly string _staging;
    private readonly string _createSql;
    private readonly string _copySql;
    private readonly string _mergeSql;
    private ColumnWriter[]? _writers;

    /// <param name="table">the target table</param>
    /// <param name="columns">the columns each row gives values for, in order</param>
    /// <param name="conflictColumns">the columns of the table's unique index the insert may conflict on</param>
    /// <param name="keyColumn">the text column whose values of the inserted rows are returned (one of <paramref name="conflictColumns"/>)</param>
    public PostgresCopyInsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> conflictColumns, string keyColumn)
    {
        _table = table;
        _columns = columns;
        if (!columns.Contains(keyColumn, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{keyColumn} is not one of the columns.", nameof(keyColumn));
        }

        var all = string.Join(", ", columns);
        _staging = "staging_" + table;
        // Same column types as the table, no constraints or defaults; dropped when the transaction ends.
        _createSql = $"CREATE TEMP TABLE {_staging} ON COMMIT DROP AS SELECT 0 AS ordinal, {all} FROM {table} WITH NO DATA";
        _copySql = $"COPY {_staging} (ordinal, {all}) FROM STDIN (FORMAT BINARY)";
        _mergeSql = $"INSERT INTO {table} ({all}) SELECT {all} FROM {_staging} ORDER BY ordinal "
            + $"ON CONFLICT ({string.Join(", ", conflictColumns)}) DO NOTHING RETURNING {keyColumn}; DROP TABLE {_staging}";
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> (each an array of values in column order; the array may be reused between
    /// rows, each is written before the next is asked for) inside the connection's current transaction and returns
    /// the key values of the rows inserted. Rows must not repeat a key: which of two would win is not defined.
    /// </summary>
    public async Task<HashSet<string>> InsertAsync(NpgsqlConnection connection, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var writers = _writers ??= await ResolveWritersAsync(connection, ct);
        await using (var create = new NpgsqlCommand(_createSql, connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(_copySql, ct))
        {
            var ordinal = 0;
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(ordinal++, NpgsqlDbType.Integer, ct);
                for (var i = 0; i < writers.Length; i++)
                {
                    await writers[i](importer, row[i], ct);
                }
            }

            await importer.CompleteAsync(ct);
        }

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using var merge = new NpgsqlCommand(_mergeSql, connection);
        await using var reader = await merge.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add(reader.GetString(0));
        }

        return inserted;
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

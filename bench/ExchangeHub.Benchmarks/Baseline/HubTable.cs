using System.Text.Json;

namespace ExchangeHub.Benchmarks.Baseline;

/// <summary>One column of the hub's table, from PRAGMA table_info.</summary>
internal sealed record TableColumn(string Name, string DeclaredType, bool NotNull, int PrimaryKeyPosition)
{
    public string Quoted => "\"" + Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>The shape of the hub's contribution table, read from the hub's own database after its run.</summary>
internal sealed record HubTable(string Name, string SchemaSql, IReadOnlyList<TableColumn> Columns, long RowCount)
{
    public const string ContributionLines = "contribution_lines";

    public string Quoted => "\"" + Name + "\"";

    public static HubTable Read(string database, string name)
    {
        // The same statements `.schema contribution_lines` prints (table, then its indexes and triggers), matched exactly.
        var schema = SqliteCli.Run(
        [
            "-bail", "-readonly", "-noheader", "-list", database,
            $"SELECT sql || ';' FROM sqlite_schema WHERE tbl_name = '{name}' AND sql IS NOT NULL ORDER BY type <> 'table', name;",
        ]);
        if (string.IsNullOrWhiteSpace(schema))
        {
            var tables = SqliteCli.Scalar(database, "SELECT group_concat(name, ', ') FROM sqlite_schema WHERE type = 'table';");
            throw new BenchmarkException($"the hub's database has no table '{name}' (its tables: {tables}).");
        }

        var columns = SqliteCli.Query(database, $"PRAGMA table_info({name});")
            .Select(r => new TableColumn(
                r["name"].GetString()!,
                r["type"].GetString() ?? "",
                r["notnull"].GetInt32() != 0,
                r["pk"].GetInt32()))
            .ToList();
        var count = long.Parse(SqliteCli.Scalar(database, $"SELECT COUNT(*) FROM \"{name}\";"), System.Globalization.CultureInfo.InvariantCulture);
        return new HubTable(name, schema, columns, count);
    }

    /// <summary>Text of a sqlite3 -json value as it would appear in CSV; null for SQL NULL.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}

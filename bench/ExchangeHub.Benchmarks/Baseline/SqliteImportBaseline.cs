using System.Diagnostics;
using System.Globalization;

namespace ExchangeHub.Benchmarks.Baseline;

/// <summary>Loads the CSV with <c>sqlite3 .import</c> into a fresh database with the hub's table and indexes.</summary>
internal static class SqliteImportBaseline
{
    public static BaselineResult Run(string workDir, string csvPath, string hubDb, HubTable table, IReadOnlyList<ColumnPlan> plans)
    {
        var baseDb = Path.Combine(workDir, "base.db");
        File.Delete(baseDb);
        SqliteCli.Run(["-bail", baseDb], table.SchemaSql);

        // Timed: the sqlite3 process, from start to exit. .import runs in one transaction.
        string[] args = ["-bail", baseDb];
        var script = $".import --csv \"{csvPath}\" {table.Name}\n";
        var clock = Stopwatch.StartNew();
        using (var process = SqliteCli.Start(args, redirectInput: true))
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            process.StandardInput.Write(script);
            process.StandardInput.Close();
            process.WaitForExit();
            clock.Stop();
            _ = stdout.Result;
            SqliteCli.Check(process, [.. args, script.Trim()], stderr.Result);
        }

        var rows = long.Parse(SqliteCli.Scalar(baseDb, $"SELECT COUNT(*) FROM {table.Quoted};"), CultureInfo.InvariantCulture);
        var (differing, compared) = Compare(baseDb, hubDb, table, plans);
        return new BaselineResult(clock.Elapsed, rows, new FileInfo(csvPath).Length, differing, compared);
    }

    /// <summary>Rows of the baseline with no identical hub row (same source_record_id, same value in every column).</summary>
    private static (long Differing, IReadOnlyList<string> Columns) Compare(string baseDb, string hubDb, HubTable table, IReadOnlyList<ColumnPlan> plans)
    {
        var key = plans.First(p => p.Kind == ColumnSourceKind.Line && p.Description == "source_record_id").Column.Quoted;
        var columns = plans.Select(p => p.Column).ToList();
        // sqlite3 .import cannot write NULL: a NULL of the hub matches the '' of the baseline.
        var differs = string.Join(
            " OR ",
            columns.Select(c => $"(b.{c.Quoted} IS NOT h.{c.Quoted} AND NOT (h.{c.Quoted} IS NULL AND b.{c.Quoted} = ''))"));
        var sql = $"ATTACH {Quote(hubDb)} AS hub; "
            + $"SELECT COUNT(*) FROM main.{table.Quoted} b LEFT JOIN hub.{table.Quoted} h ON h.{key} = b.{key} "
            + $"WHERE h.{key} IS NULL OR {differs};";
        var count = long.Parse(SqliteCli.Run(["-bail", "-readonly", "-noheader", "-list", baseDb], sql).Trim(), CultureInfo.InvariantCulture);
        return (count, columns.Select(c => c.Name).ToList());
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}

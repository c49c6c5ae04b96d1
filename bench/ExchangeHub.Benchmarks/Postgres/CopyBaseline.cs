using System.Globalization;
using System.Text;
using ExchangeHub.Benchmarks.Data;

namespace ExchangeHub.Benchmarks.Postgres;

/// <summary>
/// The PostgreSQL ingestion baseline: the same lines as CSV, loaded by psql's <c>\copy … FROM … (FORMAT csv)</c>
/// (PostgreSQL's own COPY, text CSV streamed by the client) into a table made <c>LIKE contribution_lines
/// INCLUDING ALL</c> (same columns, identity, primary key and unique index) in the hub's database, after the hub's
/// push. Timed: the psql process from start to exit. Then every baseline row is compared with the hub's row of the
/// same source id, column by column (all but the hub's per-batch timestamp).
/// </summary>
internal static class CopyBaseline
{
    public const string Table = "bench_copy_baseline";

    private static readonly string[] Columns =
    [
        "agency_id", "source_record_id", "revision", "recorded_at_unix_ms", "uscc", "resident_id", "period",
        "employer_amount_fen", "employee_amount_fen", "wage_base_fen", "kind", "received_date", "tax_office_code",
    ];

    public static async Task<CopyResult> RunAsync(PostgresServer server, string database, string workDir, ContributionDataset data)
    {
        var connection = server.ConnectionString(database);
        var agency = await FirstAgencyAsync(connection);
        var recordedAt = await PostgresServer.ScalarAsync(connection, "SELECT MIN(recorded_at_unix_ms) FROM contribution_lines");
        var csv = Path.Combine(workDir, "lines.csv");
        Write(csv, data, agency, recordedAt);
        await PostgresServer.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (LIKE contribution_lines INCLUDING ALL)");

        var command = $"\\copy {Table} ({string.Join(", ", Columns)}) FROM '{csv.Replace("'", "''", StringComparison.Ordinal)}' WITH (FORMAT csv)";
        var elapsed = server.TimePsql(database, command);

        var rows = await PostgresServer.ScalarAsync(connection, $"SELECT COUNT(*) FROM {Table}");
        var compared = Columns.Where(c => c != "recorded_at_unix_ms").ToList();
        var differing = await PostgresServer.ScalarAsync(connection,
            $"SELECT COUNT(*) FROM {Table} b LEFT JOIN contribution_lines h ON h.agency_id = b.agency_id AND h.source_record_id = b.source_record_id "
            + $"WHERE h.id IS NULL OR ({string.Join(", ", compared.Select(c => "b." + c))}) IS DISTINCT FROM ({string.Join(", ", compared.Select(c => "h." + c))})");
        var bytes = new FileInfo(csv).Length;
        await PostgresServer.ExecuteAsync(connection, $"DROP TABLE {Table}");
        return new CopyResult(elapsed, rows, bytes, differing, "psql " + command.Replace(csv, "lines.csv", StringComparison.Ordinal));
    }

    private static async Task<string> FirstAgencyAsync(string connection)
    {
        await using var c = new Npgsql.NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT agency_id FROM contribution_lines LIMIT 1", c);
        return (string?)await command.ExecuteScalarAsync() ?? throw new BenchmarkException("the hub's contribution_lines is empty.");
    }

    private static void Write(string path, ContributionDataset data, string agency, long recordedAt)
    {
        var prefix = $"{agency},";
        var recorded = recordedAt.ToString(CultureInfo.InvariantCulture);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        foreach (var line in data.Enumerate())
        {
            var period = (ContributionDataset.Year * 100) + line.MonthIndex + 1;
            writer.Write(prefix);
            writer.Write(line.SourceRecordId);
            writer.Write(",1,");
            writer.Write(recorded);
            writer.Write(',');
            writer.Write(line.Uscc);
            writer.Write(',');
            writer.Write(line.ResidentId);
            writer.Write(',');
            writer.Write(period.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(line.EmployerAmountFen.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(line.EmployeeAmountFen.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(line.WageBaseFen.ToString(CultureInfo.InvariantCulture));
            writer.Write(",1,");
            writer.Write(line.ReceivedDateText);
            writer.Write(',');
            writer.WriteLine(line.TaxOfficeCode);
        }
    }
}

/// <summary>What the COPY baseline took, loaded and how many of its rows differ from the hub's.</summary>
internal sealed record CopyResult(TimeSpan Elapsed, long Rows, long CsvBytes, long DifferingRows, string Command);

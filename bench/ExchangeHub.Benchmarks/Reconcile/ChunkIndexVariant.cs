extern alias hub;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using ExchangeHub.Benchmarks.Baseline;
using ExchangeHub.Benchmarks.Reporting;
using StorageProvider = hub::ExchangeHub.Server.Configuration.StorageProvider;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// Issue 11, item 7, "one pass over the lines or an index that makes per-chunk reads cheap — measure both": the
/// alternative the hub does not take, measured on a copy of the stopped hub's file with the sqlite3 shell. An index on
/// <c>contribution_lines(uscc)</c> is built (a cost every ingested line would pay), then the hub's own month aggregate
/// is run once per chunk of units (<c>uscc BETWEEN @lo AND @hi</c>, the chunk size of a run), all chunks in one sqlite3
/// process. Compared with the ordered single pass the run uses (the GROUP BY baseline's warm time).
/// </summary>
internal static class ChunkIndexVariant
{
    public const int UnitsPerChunk = 500;

    private const string OneUnitFilter = "uscc = @uscc";

    public static ChunkIndexResult Run(string hubDb, string workDirectory, string decisionDate)
    {
        var copy = Path.Combine(workDirectory, "chunk-index-variant.db");
        File.Copy(hubDb, copy, overwrite: true);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(hubDb + suffix))
            {
                File.Copy(hubDb + suffix, copy + suffix, overwrite: true);
            }
        }
        try
        {
            var sizeBefore = PageBytes(copy);
            var build = Time(copy, "CREATE INDEX ix_bench_contribution_lines_uscc ON contribution_lines(uscc);");
            var indexBytes = PageBytes(copy) - sizeBefore;
            var usccs = SqliteCli.Run(["-bail", "-readonly", "-noheader", "-list", copy,
                    "SELECT uscc FROM (SELECT uscc FROM units UNION SELECT uscc FROM contribution_lines) ORDER BY uscc"])
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var oneUnit = hub::ExchangeHub.Server.Facts.FactsSql.MonthAggregate(StorageProvider.Sqlite, oneUnit: true);
            if (!oneUnit.Contains(OneUnitFilter, StringComparison.Ordinal))
            {
                throw new BenchmarkException($"the hub's one-unit month aggregate no longer filters with '{OneUnitFilter}'; update the chunk-index variant");
            }
            var perChunk = oneUnit.Replace(OneUnitFilter, "uscc BETWEEN @lo AND @hi", StringComparison.Ordinal);
            var script = new StringBuilder();
            foreach (var p in GroupByBaseline.Parameters(decisionDate))
            {
                script.AppendLine(p);
            }
            var chunks = 0;
            foreach (var chunk in usccs.Chunk(UnitsPerChunk))
            {
                script.AppendLine(CultureInfo.InvariantCulture, $".parameter set @lo \"'{chunk[0]}'\"");
                script.AppendLine(CultureInfo.InvariantCulture, $".parameter set @hi \"'{chunk[^1]}'\"");
                script.Append(perChunk).AppendLine(";");
                chunks++;
            }
            var plan = SqliteCli.Run(["-bail", "-readonly", "-noheader", "-list", copy, .. GroupByBaseline.Parameters(decisionDate),
                ".parameter set @lo \"'0'\"", ".parameter set @hi \"'1'\"", "EXPLAIN QUERY PLAN " + perChunk]);
            var queries = Time(copy, script.ToString(), readOnly: true);
            return new ChunkIndexResult(Math.Round(build.TotalSeconds, 3), Math.Round(indexBytes / 1048576.0, 1), chunks, UnitsPerChunk,
                Math.Round(queries.TotalSeconds, 3), plan.Contains("ix_bench_contribution_lines_uscc", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(copy + suffix);
            }
        }
    }

    private static long PageBytes(string database) =>
        long.Parse(SqliteCli.Scalar(database, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"), CultureInfo.InvariantCulture);

    /// <summary>One sqlite3 process reading <paramref name="script"/> from stdin, its output discarded.</summary>
    private static TimeSpan Time(string database, string script, bool readOnly = false)
    {
        var clock = Stopwatch.StartNew();
        using var process = SqliteCli.Start(readOnly ? ["-bail", "-readonly", database] : ["-bail", database], redirectInput: true);
        var stderr = process.StandardError.ReadToEndAsync();
        var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        drain.GetAwaiter().GetResult();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0 || !string.IsNullOrWhiteSpace(stderr.Result))
        {
            throw new BenchmarkException($"sqlite3 (chunk-index variant) failed (exit code {process.ExitCode}):\n{stderr.Result.Trim()}");
        }
        return clock.Elapsed;
    }
}

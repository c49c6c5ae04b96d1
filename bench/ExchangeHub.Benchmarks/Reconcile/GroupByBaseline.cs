extern alias hub;

using System.Diagnostics;
using System.Globalization;
using ExchangeHub.Benchmarks.Baseline;
using StorageProvider = hub::ExchangeHub.Server.Configuration.StorageProvider;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// The baseline: the sqlite3 shell running the hub's own contribution GROUP BY (<c>FactsSql.MonthAggregate</c>, the
/// very text the hub runs, with the same parameters: the decision date D and a knowledge time T at or after every
/// record) on the hub's database file after the hub has stopped, as
/// <c>sqlite3 hub.db ".parameter set @d …" ".parameter set @t …" "&lt;sql&gt;" &gt; /dev/null</c>. Run twice; the
/// second (warm page cache) is the baseline, so the comparison does not reward the hub for a cold disk.
/// </summary>
internal static class GroupByBaseline
{
    public static string Sql => hub::ExchangeHub.Server.Facts.FactsSql.MonthAggregate(StorageProvider.Sqlite);

    /// <summary>
    /// T for the baseline: now, taken at each use, so it is after every record the benchmark pushed to the data set being
    /// measured (the hub's run used its own start). Fixed once per process, it was before the later data sets' records
    /// and the query then counted nothing (0.2 s "baselines" for the 100,000-unit and PostgreSQL parts).
    /// </summary>
    private static long KnowledgeTime => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>The sqlite3 dot-commands binding @d and @t (the value is an SQL literal, quoted once more for the dot-command).</summary>
    public static string[] Parameters(string decisionDate) =>
    [
        $".parameter set @d \"'{decisionDate}'\"",
        string.Create(CultureInfo.InvariantCulture, $".parameter set @t {KnowledgeTime}"),
    ];

    /// <summary>The same query for psql, its parameters as literals (psql -c binds none).</summary>
    public static string PostgresSql(string decisionDate) => hub::ExchangeHub.Server.Facts.FactsSql.MonthAggregate(StorageProvider.Postgres)
        .Replace("@d", $"DATE '{decisionDate}'", StringComparison.Ordinal)
        .Replace("@t", KnowledgeTime.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static GroupByResult Run(string database, string decisionDate)
    {
        var cold = Time(database, decisionDate);
        var warm = Time(database, decisionDate);
        var groups = long.Parse(
            SqliteCli.Run(["-bail", "-readonly", "-noheader", "-list", database, .. Parameters(decisionDate), $"SELECT COUNT(*) FROM ({Sql})"]).TrimEnd('\n', '\r'),
            CultureInfo.InvariantCulture);
        if (groups == 0)
        {
            throw new BenchmarkException("the baseline GROUP BY counted no unit-month: its D or T leaves out every line, so it measures nothing");
        }
        return new GroupByResult(cold, warm, groups);
    }

    private static TimeSpan Time(string database, string decisionDate)
    {
        var info = new ProcessStartInfo("sh")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The exact shell command of the brief; the query, parameters and path are passed as arguments, never spliced into it.
        var parameters = Parameters(decisionDate);
        foreach (var arg in new[] { "-c", $"{SqliteCli.Executable} \"$1\" \"$2\" \"$3\" \"$4\" > /dev/null", "sh", database, parameters[0], parameters[1], Sql })
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new BenchmarkException("could not start sh for sqlite3");
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0 || !string.IsNullOrWhiteSpace(stderr))
        {
            throw new BenchmarkException($"sqlite3 GROUP BY failed (exit code {process.ExitCode}):\n{stderr.Trim()}");
        }

        return clock.Elapsed;
    }
}

/// <summary>The baseline's two runs (cold, warm) and the number of groups the query returns.</summary>
internal sealed record GroupByResult(TimeSpan Cold, TimeSpan Warm, long Groups);

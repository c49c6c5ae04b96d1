extern alias hub;

using System.Diagnostics;
using ExchangeHub.Benchmarks.Baseline;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// The baseline: the sqlite3 shell running the hub's own contribution GROUP BY
/// (<c>StoredFactsReader.MonthAggregateSql</c>, the very constant the hub runs) on the hub's database file after the
/// hub has stopped, as <c>sqlite3 hub.db "&lt;sql&gt;" &gt; /dev/null</c>. Run twice; the second (warm page cache)
/// is the baseline, so the comparison does not reward the hub for a cold disk.
/// </summary>
internal static class GroupByBaseline
{
    public static string Sql => hub::ExchangeHub.Server.Facts.StoredFactsReader.MonthAggregateSql;

    public static GroupByResult Run(string database)
    {
        var cold = Time(database);
        var warm = Time(database);
        var groups = long.Parse(
            SqliteCli.Scalar(database, $"SELECT COUNT(*) FROM ({Sql})"),
            System.Globalization.CultureInfo.InvariantCulture);
        return new GroupByResult(cold, warm, groups);
    }

    private static TimeSpan Time(string database)
    {
        var info = new ProcessStartInfo("sh")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The exact shell command of the brief; the query and path are passed as arguments, never spliced into it.
        foreach (var arg in new[] { "-c", $"{SqliteCli.Executable} \"$1\" \"$2\" > /dev/null", "sh", database, Sql })
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

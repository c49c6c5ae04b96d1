using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ExchangeHub.Benchmarks.Baseline;
using ExchangeHub.Benchmarks.Reporting;

namespace ExchangeHub.Benchmarks;

/// <summary>
/// <c>all</c> (issue 6, items 2 and 3): every measurement in one run on one machine, each against its baseline
/// measured in the same run, then one table — SQLite ingestion vs <c>sqlite3 .import</c>, reconciliation vs the
/// sqlite3 GROUP BY, the relay vs a plain RabbitMQ.Client publisher, the same ingestion and reconciliation on
/// PostgreSQL vs <c>\copy</c> and psql's GROUP BY, growth to 12 million lines, and the hub's peak memory. A part that
/// fails is reported as ERROR in the table; the others still run.
/// </summary>
internal static class AllCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(AllOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var load = MachineInfo.LoadAverage();
        var clock = Stopwatch.StartNew();
        var errors = new List<string>();
        var ingest = await PartAsync("ingest (SQLite)", () => IngestCommand.MeasureAsync(options.Ingest), errors);
        var reconcile = await PartAsync("reconcile (SQLite)", () => ReconcileCommand.MeasureAsync(options.Reconcile), errors);
        if (reconcile?.LargeError is { } largeError)
        {
            errors.Add($"reconcile (SQLite, {options.Reconcile.UnitsLarge:N0} units): {largeError}");
        }

        var relay = await PartAsync("relay", () => RelayCommand.MeasureAsync(options.Relay), errors);
        var postgres = await PartAsync("postgres", () => PostgresCommand.MeasureAsync(options.Postgres), errors);
        var growth = options.Growth is { } g ? await PartAsync("growth", () => GrowthCommand.MeasureAsync(g), errors) : null;

        var table = Table(ingest, reconcile, relay, postgres, growth, options.Growth is null, options.Reconcile);
        var notes = Notes(ingest, reconcile, relay, postgres, growth, errors);
        var report = new SummaryReport(startedAt, Math.Round(clock.Elapsed.TotalMinutes, 1), table, notes, load, MachineInfo.LoadAverage(),
            MachineInfo.Current(SqliteVersion(), load), ingest, reconcile, relay, postgres, growth);
        Print(report);
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
        await File.WriteAllTextAsync(options.OutputPath, JsonSerializer.Serialize(report, Json));
        Console.WriteLine($"results: {options.OutputPath} (and each part's JSON beside it)");
        return errors.Count == 0 ? 0 : 1;
    }

    private static async Task<T?> PartAsync<T>(string name, Func<Task<T>> run, List<string> errors)
        where T : class
    {
        Console.WriteLine();
        Console.WriteLine($"==== {name} ====");
        try
        {
            return await run();
        }
        catch (BenchmarkException ex)
        {
            Console.Error.WriteLine($"BENCHMARK ERROR in {name}: {ex.Message}");
            errors.Add($"{name}: {ex.Message.Split('\n')[0]}");
            return null;
        }
    }

    private static List<SummaryRow> Table(
        IngestReport? i, ReconcileReport? r, RelayReport? q, PostgresReport? p, GrowthReport? g, bool growthSkipped, ReconcileOptions options)
    {
        var rows = new List<SummaryRow>
        {
            i is null ? Error("SQLite ingest, rows/s") : new SummaryRow(
                $"SQLite ingest, rows/s ({N(i.Lines)} lines)", N(i.HubRowsPerSecond), N(i.Sqlite3RowsPerSecond) + " sqlite3 .import",
                F(i.Ratio, "N2"), ">= 0.5", Verdict(i.RatioPass)),
            r is null ? Error("SQLite reconcile, s") : ReconcileRow(r.Standard),
            r is null ? Error("SQLite reconcile, s (second data set)")
                : r.Large is { } large ? ReconcileRow(large)
                : r.LargeError is null ? new SummaryRow("SQLite reconcile, s (second data set)", "skipped (--units-large 0)", "", "", "", "")
                : Error($"SQLite reconcile, s ({N(options.UnitsLarge)} units)"),
            q is null ? Error("Relay, events/s") : new SummaryRow(
                $"Relay, events/s ({N(q.Events)} events)", N(q.RelayEventsPerSecond), N(q.BaselineMessagesPerSecond) + " RabbitMQ.Client, " + q.BaselineBest,
                F(q.Ratio, "N2"), ">= " + F(q.RatioGoal, "N1"), Verdict(q.RatioPass)),
            p is null ? Error("PostgreSQL ingest, rows/s") : new SummaryRow(
                $"PostgreSQL ingest, rows/s ({N(p.Lines)} lines)", N(p.HubIngestRowsPerSecond), N(p.CopyRowsPerSecond) + " psql \\copy (CSV)",
                F(p.IngestRatio, "N2"), ">= 0.5", Verdict(p.IngestRatioPass)),
            p is null ? Error("PostgreSQL reconcile, s") : new SummaryRow(
                $"PostgreSQL reconcile, s ({N(p.Units)} units)", F(p.HubReconcileSeconds, "N2"), F(p.GroupBySeconds, "N2") + " psql GROUP BY",
                F(p.ReconcileRatio, "N2"), "<= " + F(p.ReconcileRatioGoal, "0.#"), Verdict(p.ReconcileRatioPass)),
        };
        if (g is not null)
        {
            rows.Add(new SummaryRow(
                $"Growth, rows/s: slowest of slices 2-{g.Slices.Count} vs slice 1 ({N(g.Slices[0].Lines)} lines each, to {N(g.Lines)})",
                N(g.Slices.Skip(1).Min(s => s.RowsPerSecond)), N(g.FirstSliceRowsPerSecond) + " (slice 1)", F(g.Ratio, "N2"), ">= 0.8", Verdict(g.RatioPass)));
        }
        else
        {
            rows.Add(growthSkipped ? new SummaryRow("Growth", "skipped (--growth-lines 0)", "", "", "", "") : Error("Growth"));
        }

        var ingestPeaks = new[] { i?.HubPeakRssMiB, p?.HubIngestPeakRssMiB, g?.HubPeakRssMiB }.OfType<double>().ToList();
        rows.Add(ingestPeaks.Count == 0 ? Error("Hub peak RSS, MiB") : new SummaryRow(
            "Hub peak RSS while ingesting, MiB (max of SQLite, PostgreSQL" + (g is null ? ")" : ", growth)"),
            F(ingestPeaks.Max(), "N0"), "", "", "< 512", Verdict(ingestPeaks.Max() < IngestCommand.PeakRssGoalMiB)));
        // Issue 11, item 7: at most 256 MiB at both sizes; the 10,000-unit figure is the higher of SQLite and PostgreSQL.
        var runPeaks = new[] { r?.Standard.Memory, p?.HubReconcileMemory }.OfType<ReconcileMemory>().ToList();
        var standardUnits = r?.Standard.Units ?? p?.Units;
        rows.Add(runPeaks.Count == 0 ? Error("Hub peak RSS during reconciliation, MiB") : RssRow(
            $"({N(standardUnits ?? 0)} units; max of " + string.Join(", ", new[] { r is null ? null : "SQLite", p is null ? null : "PostgreSQL" }.OfType<string>()) + ")",
            runPeaks.MaxBy(m => m.PeakDuringRunMiB)!));
        if (r?.Large is { } l)
        {
            rows.Add(RssRow($"({N(l.Units)} units, SQLite)", l.Memory));
        }
        else if (r is not null && r.LargeError is not null)
        {
            rows.Add(Error($"Hub peak RSS during reconciliation, MiB ({N(options.UnitsLarge)} units, SQLite)"));
        }

        return rows;
    }

    /// <summary>A SQLite reconciliation data set: the ratio goal on the 10,000-unit one, none on the other.</summary>
    private static SummaryRow ReconcileRow(ReconcileDataSetReport d) => new(
        $"SQLite reconcile, s ({N(d.Units)} units)", F(d.HubSeconds, "N2"), F(d.Sqlite3Seconds, "N2") + " sqlite3 GROUP BY", F(d.Ratio, "N2"),
        d.RatioGoal is { } goal ? "<= " + F(goal, "0.#") : "(no goal)", d.RatioPass is { } pass ? Verdict(pass) : "");

    private static SummaryRow RssRow(string which, ReconcileMemory m) => new(
        "Hub peak RSS during reconciliation, MiB " + which, F(m.PeakDuringRunMiB, "N0"), "", "", "<= " + F(m.PeakRssGoalMiB, "N0"), Verdict(m.PeakRssPass));

    private static List<string> Notes(IngestReport? i, ReconcileReport? r, RelayReport? q, PostgresReport? p, GrowthReport? g, List<string> errors)
    {
        var notes = new List<string>();
        if (i is not null && i.BaselineRowsDifferingFromHub != 0)
        {
            notes.Add($"sqlite3 .import baseline: {N(i.BaselineRowsDifferingFromHub)} rows differ from the hub's.");
        }

        if (r is not null)
        {
            var sets = new[] { r.Standard, r.Large }.OfType<ReconcileDataSetReport>().ToList();
            notes.Add($"SQLite reconcile: {F(r.Minutes, "N1")} minutes for "
                + string.Join(" and ", sets.Select(d => $"{N(d.Units)} units ({N(d.Lines / d.Units)} lines per unit, {F(d.WallSeconds, "N0")} s)"))
                + ", each in a fresh hub process; peak RSS = " + r.Standard.Memory.Method + "; RSS at run start "
                + string.Join(" / ", sets.Select(d => F(d.Memory.RssAtRunStartMiB, "N0"))) + " MiB.");
        }

        if (p is not null)
        {
            notes.Add($"PostgreSQL {p.PostgreSql}: ingest baseline {p.CopyCommand} into a table LIKE contribution_lines INCLUDING ALL; "
                + (p.CopyRowsDifferingFromHub == 0 ? "same rows as the hub's." : $"{N(p.CopyRowsDifferingFromHub)} rows differ from the hub's."));
            notes.Add("PostgreSQL reconcile: units and settlements pushed and VACUUM ANALYZE run before the timed run; GROUP BY = FactsSql.MonthAggregate with D and T as literals, warm.");
        }

        if (q is not null)
        {
            notes.Add($"RabbitMQ {q.RabbitMq}.");
        }

        if (g is not null)
        {
            notes.Add($"Growth on SQLite: per-slice rows/s {string.Join(", ", g.Slices.Select(s => N(s.RowsPerSecond)))}; "
                + $"RSS sampled every 250 ms ({g.RssSamples} samples), peak = VmHWM.");
        }

        notes.AddRange(errors.Select(e => "ERROR " + e));
        return notes;
    }

    private static void Print(SummaryReport r)
    {
        var header = new SummaryRow("measure", "hub", "baseline", "ratio", "goal", "result");
        var all = r.Table.Prepend(header).ToList();
        var widths = new[]
        {
            all.Max(x => x.Measure.Length), all.Max(x => x.Hub.Length), all.Max(x => x.Baseline.Length),
            all.Max(x => x.Ratio.Length), all.Max(x => x.Goal.Length), all.Max(x => x.Verdict.Length),
        };
        string Line(SummaryRow x) =>
            $"{x.Measure.PadRight(widths[0])} | {x.Hub.PadLeft(widths[1])} | {x.Baseline.PadRight(widths[2])} | {x.Ratio.PadLeft(widths[3])} | {x.Goal.PadRight(widths[4])} | {x.Verdict}";

        Console.WriteLine();
        Console.WriteLine($"==== all: {r.Minutes:N1} minutes ====");
        Console.WriteLine(Line(header));
        Console.WriteLine(new string('-', widths.Sum() + 15));
        foreach (var row in r.Table)
        {
            Console.WriteLine(Line(row));
        }

        Console.WriteLine();
        foreach (var note in r.Notes)
        {
            Console.WriteLine("- " + note);
        }

        var m = r.Machine;
        Console.WriteLine($"machine: {m.CpuModel}, {m.ProcessorCount} cores, {N(m.MemoryTotalMiB)} MiB RAM, {m.Os}, {m.Runtime}, sqlite3 {m.Sqlite3}");
        Console.WriteLine($"load average at start {r.LoadAverageAtStart}, at end {r.LoadAverageAtEnd} (other work on the machine skews the timings)");
    }

    private static SummaryRow Error(string measure) => new(measure, "ERROR", "", "", "", "ERROR");

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string SqliteVersion()
    {
        try
        {
            return SqliteCli.Version();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or BenchmarkException)
        {
            return "n/a";
        }
    }
}

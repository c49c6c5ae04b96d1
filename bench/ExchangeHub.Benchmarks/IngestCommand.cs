using System.Diagnostics;
using ExchangeHub.Benchmarks.Baseline;
using ExchangeHub.Benchmarks.Data;
using ExchangeHub.Benchmarks.Ingest;
using ExchangeHub.Benchmarks.Reporting;

namespace ExchangeHub.Benchmarks;

/// <summary>
/// <c>ingest</c>: the hub's client-streaming feed against <c>sqlite3 .import</c> of the same lines into a table of
/// the same shape and indexes (issue 2). Goals: ratio of rows per second at least 0.5, hub peak RSS under 512 MiB.
/// </summary>
internal static class IngestCommand
{
    public const double RatioGoal = 0.5;
    public const double PeakRssGoalMiB = 512;

    public static async Task<int> RunAsync(IngestOptions options)
    {
        await MeasureAsync(options);
        return 0;
    }

    /// <summary>Runs the measurement, prints its table, writes its JSON and returns the report.</summary>
    public static async Task<IngestReport> MeasureAsync(IngestOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var sqliteVersion = SqliteCli.Version();
        var load = MachineInfo.LoadAverage();
        Console.WriteLine($"ingest: {options.Lines:N0} lines, {options.Units:N0} units, {options.Persons:N0} persons, {options.BatchSize:N0} lines per message");

        var clock = Stopwatch.StartNew();
        var data = ContributionDataset.Create(options.Lines, options.Units, options.Persons);
        DataSelfCheck.Run(data);
        Console.WriteLine($"  data set ready in {clock.Elapsed.TotalSeconds:N1} s (seed {ContributionDataset.Seed:X})");

        using var work = new WorkDirectory("exchangehub-bench-", options.KeepFiles);
        var workDir = work.Path;
        var hubDb = Path.Combine(workDir, "hub.db");
        var (push, retry, peakRss) = await RunHubAsync(options, data, hubDb, Path.Combine(workDir, "hub.log"));
        Console.WriteLine($"  hub: {push.LinesSent:N0} lines in {push.Elapsed.TotalSeconds:N2} s, peak RSS {peakRss / 1048576.0:N0} MiB");

        var table = HubTable.Read(hubDb, HubTable.ContributionLines);
        if (table.RowCount != options.Lines)
        {
            Console.WriteLine($"  note: the hub's {table.Name} holds {table.RowCount:N0} rows for {options.Lines:N0} lines sent");
        }

        var plans = ColumnMapper.Resolve(hubDb, table, data);
        PrintColumns(plans);

        clock.Restart();
        var csv = Path.Combine(workDir, "lines.csv");
        CsvExporter.Write(csv, hubDb, table, plans, data);
        Console.WriteLine($"  CSV written in {clock.Elapsed.TotalSeconds:N1} s (not timed), {new FileInfo(csv).Length / 1048576.0:N0} MiB");

        var baseline = SqliteImportBaseline.Run(workDir, csv, hubDb, table, plans);
        if (baseline.Rows != options.Lines)
        {
            throw new BenchmarkException($"sqlite3 .import loaded {baseline.Rows:N0} rows, expected {options.Lines:N0}.");
        }

        var report = BuildReport(options, startedAt, push, retry, peakRss, baseline, plans, MachineInfo.Current(sqliteVersion, load));
        ReportPrinter.Print(report);
        await ReportPrinter.WriteJsonAsync(report, options.OutputPath);
        return report;
    }

    private static async Task<(PushResult Push, RetryReport Retry, long PeakRss)> RunHubAsync(IngestOptions options, ContributionDataset data, string hubDb, string logPath)
    {
        await using var hub = HubProcess.Start(options.HubDll, hubDb, logPath);
        await hub.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine($"  hub pid {hub.Pid} listening on {hub.Address}; pushing...");
        PushResult push;
        RetryReport retry;
        try
        {
            push = await HubPusher.PushAsync(hub.Address, data, options.BatchSize);
            CheckSummary(push, options.Lines);
            retry = await StreamRetry.RunAsync(hub.Address, data, options.BatchSize, push);
        }
        catch (BenchmarkException ex)
        {
            throw new BenchmarkException($"{ex.Message}\nThe hub's last output:\n{hub.Tail()}", ex);
        }

        var peak = hub.PeakResidentBytes();
        await hub.StopAsync();
        return (push, retry, peak);
    }

    private static void CheckSummary(PushResult push, long lines)
    {
        var s = push.Summary ?? throw new BenchmarkException("the hub answered PushContributions without a summary.");
        if (s.Accepted == lines && s.Rejected == 0)
        {
            return;
        }

        var first = string.Join(
            "\n",
            s.Rejections.Take(10).Select(r => $"    {r.SourceRecordId} (batch {r.BatchIndex}, #{r.RecordIndex}) {r.Field}: {r.ReasonCode} {r.Message}"));
        throw new BenchmarkException(
            $"the hub did not accept every line: sent {lines:N0}, batches {s.Batches:N0}, accepted {s.Accepted:N0}, "
            + $"duplicate {s.Duplicate:N0}, corrected {s.Corrected:N0}, rejected {s.Rejected:N0}."
            + (first.Length > 0 ? $"\n  first rejections:\n{first}" : ""));
    }

    private static void PrintColumns(IReadOnlyList<ColumnPlan> plans)
    {
        Console.WriteLine("  baseline columns (from the hub's own table):");
        foreach (var p in plans)
        {
            Console.WriteLine($"    {p.Column.Name,-28} {p.Column.DeclaredType,-10} {p.Kind,-13} {p.Description}");
        }
    }

    private static IngestReport BuildReport(
        IngestOptions o, DateTimeOffset startedAt, PushResult push, RetryReport retry, long peakRss, BaselineResult b, IReadOnlyList<ColumnPlan> plans, MachineInfo machine)
    {
        var hubRate = push.LinesSent / push.Elapsed.TotalSeconds;
        var baseRate = b.Rows / b.Elapsed.TotalSeconds;
        var ratio = hubRate / baseRate;
        var peakMiB = peakRss / 1048576.0;
        return new IngestReport(
            startedAt,
            push.LinesSent,
            o.Units,
            o.Persons,
            o.BatchSize,
            push.Batches,
            Math.Round(push.Elapsed.TotalSeconds, 3),
            Math.Round(hubRate),
            Math.Round(peakMiB, 1),
            push.Summary.Accepted,
            push.Summary.Duplicate,
            push.Summary.Corrected,
            push.Summary.Rejected,
            Math.Round(b.Elapsed.TotalSeconds, 3),
            Math.Round(baseRate),
            Math.Round(ratio, 3),
            RatioGoal,
            ratio >= RatioGoal,
            PeakRssGoalMiB,
            peakMiB < PeakRssGoalMiB,
            b.CsvBytes,
            b.DifferingRows,
            plans.Select(p => new ColumnMapping(p.Column.Name, p.Column.DeclaredType, $"{p.Kind}: {p.Description}")).ToList(),
            retry,
            machine);
    }
}

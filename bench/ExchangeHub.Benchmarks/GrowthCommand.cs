using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ExchangeHub.Benchmarks.Baseline;
using ExchangeHub.Benchmarks.Data;
using ExchangeHub.Benchmarks.Ingest;
using ExchangeHub.Benchmarks.Reporting;

namespace ExchangeHub.Benchmarks;

/// <summary>
/// <c>growth</c>: does ingestion keep its rate as the store grows from 2.4 million to 12 million lines, the Corps'
/// yearly volume (issue 6, item 3)? One hub (SQLite, as deployed by default) takes the lines in equal slices, one
/// <c>PushContributions</c> call each; each slice's rate is timed, the hub's RSS sampled every 250 ms throughout.
/// Goals: every later slice at least 0.8 of the first slice's rate; the hub's peak RSS (VmHWM) under 512 MiB.
/// </summary>
internal static class GrowthCommand
{
    public const double RatioGoal = 0.8;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(GrowthOptions options)
    {
        await MeasureAsync(options);
        return 0;
    }

    public static async Task<GrowthReport> MeasureAsync(GrowthOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var load = MachineInfo.LoadAverage();
        var sliceLines = options.Lines / options.Slices;
        Console.WriteLine($"growth: {options.Lines:N0} lines in {options.Slices} slices of {sliceLines:N0} (SQLite), {options.Units:N0} units, {options.Persons:N0} persons");
        var clock = Stopwatch.StartNew();
        var data = ContributionDataset.Create(options.Lines, options.Units, options.Persons);
        DataSelfCheck.Run(data);
        Console.WriteLine($"  data set ready in {clock.Elapsed.TotalSeconds:N1} s");

        using var work = new WorkDirectory("exchangehub-growth-bench-", options.KeepFiles);
        var workDir = work.Path;
        var hubDb = Path.Combine(workDir, "hub.db");
        await using var hub = HubProcess.Start(options.HubDll, hubDb, Path.Combine(workDir, "hub.log"));
        await hub.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine($"  hub pid {hub.Pid} listening on {hub.Address}");
        var slices = new List<GrowthSlice>();
        int samples;
        await using (var sampler = new RssSampler(hub, TimeSpan.FromMilliseconds(250)))
        {
            sampler.TakeWindowPeak();
            long first = 1;
            for (var s = 0; s < options.Slices; s++)
            {
                var count = s == options.Slices - 1 ? options.Lines - first + 1 : sliceLines;
                PushResult push;
                try
                {
                    push = await HubPusher.PushAsync(hub.Address, data, options.BatchSize, first, count);
                }
                catch (BenchmarkException ex)
                {
                    throw new BenchmarkException($"{ex.Message}\nThe hub's last output:\n{hub.Tail()}", ex);
                }

                if (push.Summary is not { } summary || summary.Accepted != count || summary.Rejected != 0)
                {
                    throw new BenchmarkException($"growth slice {s + 1}: sent {count:N0}, accepted {push.Summary?.Accepted:N0}, rejected {push.Summary?.Rejected:N0}.");
                }

                var peak = sampler.TakeWindowPeak() / 1048576.0;
                var rate = count / push.Elapsed.TotalSeconds;
                slices.Add(new GrowthSlice(s + 1, first, count, first - 1, Math.Round(push.Elapsed.TotalSeconds, 3), Math.Round(rate), Math.Round(peak, 1)));
                Console.WriteLine($"  slice {s + 1}: lines {first:N0}..{first + count - 1:N0} in {push.Elapsed.TotalSeconds:N2} s ({rate:N0}/s), RSS up to {peak:N0} MiB");
                first += count;
            }

            samples = sampler.Samples;
        }

        var hwm = hub.PeakResidentBytes() / 1048576.0;
        await hub.StopAsync();
        var bytes = new DirectoryInfo(workDir).EnumerateFiles("hub.db*").Sum(f => f.Length);
        var firstRate = slices[0].RowsPerSecond;
        var lastRate = slices[^1].RowsPerSecond;
        // "Keeps its rate": the slowest later slice counts, not just the last one.
        var ratio = slices.Skip(1).Min(s => s.RowsPerSecond) / firstRate;
        var report = new GrowthReport(startedAt, options.Lines, options.Units, options.Persons, options.BatchSize, slices,
            firstRate, lastRate, Math.Round(ratio, 3), RatioGoal, ratio >= RatioGoal,
            Math.Round(hwm, 1), IngestCommand.PeakRssGoalMiB, hwm < IngestCommand.PeakRssGoalMiB, samples, bytes,
            MachineInfo.Current(SqliteCli.Version(), load));
        Print(report);
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
        await File.WriteAllTextAsync(options.OutputPath, JsonSerializer.Serialize(report, Json));
        Console.WriteLine($"results: {options.OutputPath}");
        return report;
    }

    private static void Print(GrowthReport r)
    {
        static string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"{"slice",-7} {"stored before",14} {"lines",12} {"seconds",9} {"rows/s",10} {"RSS max (MiB)",14}");
        Console.WriteLine(new string('-', 72));
        foreach (var s in r.Slices)
        {
            Console.WriteLine($"{s.Index,-7} {N(s.StoredBefore),14} {N(s.Lines),12} {s.Seconds,9:N2} {N(s.RowsPerSecond),10} {N(s.PeakRssSampledMiB),14}");
        }

        Console.WriteLine(new string('-', 72));
        Console.WriteLine($"slowest later slice / slice 1 rate {r.Ratio:N3} (goal >= {r.RatioGoal:N1}: {(r.RatioPass ? "PASS" : "FAIL")}); "
            + $"hub peak RSS (VmHWM) {r.HubPeakRssMiB:N0} MiB (goal < {r.PeakRssGoalMiB:N0}: {(r.PeakRssPass ? "PASS" : "FAIL")}); "
            + $"{r.RssSamples} RSS samples; database {r.DatabaseBytes / 1048576.0:N0} MiB");
    }
}

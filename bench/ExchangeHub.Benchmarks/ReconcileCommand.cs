using System.Diagnostics;
using System.Globalization;
using ExchangeHub.Benchmarks.Baseline;
using ExchangeHub.Benchmarks.Data;
using ExchangeHub.Benchmarks.Ingest;
using ExchangeHub.Benchmarks.Reconcile;
using ExchangeHub.Benchmarks.Reporting;
using ExchangeHub.V1;
using Grpc.Net.Client;

namespace ExchangeHub.Benchmarks;

/// <summary>
/// <c>reconcile</c>: <c>RunReconciliation</c> over units, persons and 2.4 million lines pushed through the real
/// feeds, against the sqlite3 shell running the hub's contribution GROUP BY on the same database file (issue 4), on
/// two data sets (issue 11, item 7), each in a hub process of its own: 10,000 units (200,000 persons), goal hub run
/// time at most 2 times the sqlite3 time; then the same lines and persons over 100,000 units (24 lines per unit),
/// time and ratio reported without a goal. Goal on both: the hub's peak RSS during the run at most 256 MiB.
/// </summary>
internal static class ReconcileCommand
{
    /// <summary>Issue 11, item 7 (3 before it, issue 4); PostgreSQL keeps its own (<see cref="PostgresCommand.ReconcileRatioGoal"/>).</summary>
    public const double RatioGoal = 2.0;

    /// <summary>No broker needed: events stay in the outbox table; no reminder sweep during the run.</summary>
    private static readonly string[] HubArgs = ["--Hub:Messaging:Enabled", "false", "--Hub:Refunds:SendReminders", "false"];

    public static async Task<int> RunAsync(ReconcileOptions options)
    {
        var report = await MeasureAsync(options);
        return report.LargeError is null ? 0 : 1;
    }

    /// <summary>
    /// Measures both data sets (the second unless <c>--units-large 0</c>), prints each and then both side by side,
    /// writes the JSON and returns the report. A failure of the second data set is kept in the report
    /// (<see cref="ReconcileReport.LargeError"/>), so the first one's figures still count.
    /// </summary>
    public static async Task<ReconcileReport> MeasureAsync(ReconcileOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var sqliteVersion = SqliteCli.Version();
        var load = MachineInfo.LoadAverage();
        var standard = await MeasureDataSetAsync(options, options.Units, RatioGoal, options.TracePath);
        ReconcileDataSetReport? large = null;
        string? largeError = null;
        if (options.UnitsLarge > 0)
        {
            Console.WriteLine();
            try
            {
                large = await MeasureDataSetAsync(options, options.UnitsLarge, null, TracePathFor(options.TracePath, options.UnitsLarge));
            }
            catch (BenchmarkException ex)
            {
                Console.Error.WriteLine($"BENCHMARK ERROR in reconcile ({options.UnitsLarge:N0} units): {ex.Message}");
                largeError = ex.Message.Split('\n')[0];
            }
        }

        var report = new ReconcileReport(
            startedAt, Math.Round(clock.Elapsed.TotalMinutes, 1), standard, large, largeError, MachineInfo.Current(sqliteVersion, load));
        ReconcilePrinter.Print(report);
        await ReconcilePrinter.WriteJsonAsync(report, options.OutputPath);
        return report;
    }

    /// <summary>One data set: generated, pushed into a fresh hub (not timed), one timed run, then the baseline on its file.</summary>
    private static async Task<ReconcileDataSetReport> MeasureDataSetAsync(ReconcileOptions options, int units, double? ratioGoal, string? tracePath)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"reconcile: {options.Lines:N0} lines, {units:N0} units ({(double)options.Lines / units:N0} lines per unit), "
            + $"{options.Persons:N0} persons, decision date {options.DecisionDate}");
        var data = ContributionDataset.Create(options.Lines, units, options.Persons);
        DataSelfCheck.Run(data);
        Console.WriteLine($"  data set ready in {clock.Elapsed.TotalSeconds:N1} s (seed {ContributionDataset.Seed:X}, periods {ContributionDataset.Periods[0]}..{ContributionDataset.Periods[^1]})");

        using var work = new WorkDirectory($"exchangehub-reconcile-bench-{units}-", options.KeepFiles);
        var hubDb = Path.Combine(work.Path, "hub.db");
        var hubRun = await RunHubAsync(options, data, hubDb, Path.Combine(work.Path, "hub.log"), tracePath);
        var timing = hubRun.Timing;
        Check(timing.Run, units);
        Console.WriteLine($"  hub: run {timing.Run.Status} in {timing.Elapsed.TotalSeconds:N2} s, peak RSS {hubRun.Memory.PeakDuringRunMiB:N0} MiB "
            + $"(at run start {hubRun.Memory.RssAtRunStartMiB:N0} MiB); hub stopped");

        var baseline = GroupByBaseline.Run(hubDb, options.DecisionDate);
        Console.WriteLine($"  sqlite3 GROUP BY: cold {baseline.Cold.TotalSeconds:N2} s, warm {baseline.Warm.TotalSeconds:N2} s, {baseline.Groups:N0} groups");

        IReadOnlyList<PhaseTime>? profile = null;
        if (options.Profile)
        {
            Console.WriteLine("  profiling the run's steps one by one (in-process, read only)...");
            profile = await PhaseProfile.RunAsync(hubDb, DateOnly.ParseExact(options.DecisionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var chunkIndex = ChunkIndexVariant.Run(hubDb, work.Path, options.DecisionDate);
        Console.WriteLine($"  per-chunk variant: index build {chunkIndex.IndexBuildSeconds:N2} s, {chunkIndex.Chunks:N0} chunk queries {chunkIndex.PerChunkQueriesSeconds:N2} s");

        var report = BuildReport(options, startedAt, clock.Elapsed, data, hubRun, baseline, ratioGoal, profile, chunkIndex);
        ReconcilePrinter.Print(report);
        return report;
    }

    /// <summary>
    /// Pushes, then the timed run in the same hub process, or (<c>--fresh-hub-for-run</c>) in a hub started anew on
    /// the same file, so that the run's memory is its own and not what the process kept from the pushes.
    /// </summary>
    private static async Task<HubRun> RunHubAsync(ReconcileOptions options, ContributionDataset data, string hubDb, string logPath, string? tracePath)
    {
        await using var hub = await StartHubAsync(options, hubDb, logPath);
        var pushes = await WithTailAsync(hub, () => PushAsync(hub, data));
        if (!options.FreshHubForRun)
        {
            var (timing, memory, whatIf) = await WithTailAsync(hub, () => TimedRunAsync(hub, options.DecisionDate, tracePath));
            return new HubRun(timing, pushes, memory, whatIf);
        }

        await hub.StopAsync();
        await using var fresh = await StartHubAsync(options, hubDb, Path.ChangeExtension(logPath, ".run.log"));
        var (freshTiming, freshMemory, freshWhatIf) = await WithTailAsync(fresh, () => TimedRunAsync(fresh, options.DecisionDate, tracePath));
        return new HubRun(freshTiming, pushes, freshMemory, freshWhatIf);
    }

    private static async Task<HubProcess> StartHubAsync(ReconcileOptions options, string hubDb, string logPath)
    {
        var hub = HubProcess.Start(options.HubDll, hubDb, logPath, HubArgs);
        try
        {
            await hub.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        }
        catch (BenchmarkException)
        {
            await hub.DisposeAsync();
            throw;
        }

        Console.WriteLine($"  hub pid {hub.Pid} listening on {hub.Address}");
        return hub;
    }

    private static GrpcChannel Channel(HubProcess hub) =>
        GrpcChannel.ForAddress(hub.Address, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });

    internal static async Task<ReconcilePushes> PushAsync(HubProcess hub, ContributionDataset data)
    {
        Console.WriteLine("  pushing units, lines, settlements (not timed)...");
        using var channel = Channel(hub);
        var units = await FeedPush.UnitsAsync(channel, UnitRecords.Batches(data, ReconcileOptions.BatchSize), data.Units);
        Console.WriteLine($"    units: {data.Units:N0} in {units.TotalSeconds:N1} s");
        var lines = await HubPusher.PushAsync(hub.Address, data, ReconcileOptions.BatchSize);
        if (lines.Summary is not { } s || s.Accepted != data.Lines || s.Rejected != 0)
        {
            throw new BenchmarkException($"PushContributions: sent {data.Lines:N0}, accepted {lines.Summary?.Accepted:N0}, rejected {lines.Summary?.Rejected:N0}.");
        }

        Console.WriteLine($"    lines: {lines.LinesSent:N0} in {lines.Elapsed.TotalSeconds:N1} s");
        var settlementCount = SettlementRecords.Count(data);
        var settlements = await FeedPush.SettlementsAsync(channel, SettlementRecords.Batches(data, ReconcileOptions.BatchSize), settlementCount);
        Console.WriteLine($"    settlements: {settlementCount:N0} in {settlements.TotalSeconds:N1} s");
        return new ReconcilePushes(
            Math.Round(units.TotalSeconds, 2), Math.Round(lines.Elapsed.TotalSeconds, 2), Math.Round(settlements.TotalSeconds, 2), ReconcileOptions.BatchSize);
    }

    /// <summary>The timed run and the hub's memory during it; stops the hub afterwards (which also ends a trace).</summary>
    private static async Task<(ReconcileTiming Timing, ReconcileMemory Memory, WhatIfTiming WhatIf)> TimedRunAsync(HubProcess hub, string decisionDate,
        string? tracePath)
    {
        Console.WriteLine($"  RunReconciliation (decision date {decisionDate}): timing...");
        using var channel = Channel(hub);
        await using var trace = tracePath is not null ? await HubTrace.AttachAsync(hub.Pid, tracePath) : null;
        ReconcileTiming timing;
        ReconcileMemory memory;
        await using (var probe = RunMemoryProbe.Start(hub))
        {
            timing = await ReconcileCall.RunAsync(channel, decisionDate);
            memory = await probe.StopAsync();
        }

        // Issue 14 item 2: the what-if over the same units, right after the run, in the same hub.
        var whatIf = await WhatIfCall.RunAsync(channel, decisionDate);
        Console.WriteLine($"  what-if: {whatIf.Subjects:N0} subjects, {whatIf.ChangedSubjects:N0} changed ({whatIf.Streamed:N0} streamed), "
            + $"difference {whatIf.DifferenceFen:N0} fen in {whatIf.Elapsed.TotalSeconds:N2} s; what-if / run {whatIf.Elapsed / timing.Elapsed:N2} "
            + $"(goal <= {WhatIfCall.RatioGoal:N1}) {(whatIf.Elapsed / timing.Elapsed <= WhatIfCall.RatioGoal ? "PASS" : "FAIL")}");

        await hub.StopAsync();
        if (trace is not null)
        {
            Console.WriteLine($"    traced run (timing skewed by sampling): {tracePath}");
        }

        return (timing, memory, whatIf);
    }

    /// <summary>A failure with the hub's last output attached.</summary>
    private static async Task<T> WithTailAsync<T>(HubProcess hub, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (BenchmarkException ex)
        {
            throw new BenchmarkException($"{ex.Message}\nThe hub's last output:\n{hub.Tail()}", ex);
        }
    }

    /// <summary>The second data set's trace beside the first's: PATH-100000-units.nettrace.</summary>
    private static string? TracePathFor(string? tracePath, int units) =>
        tracePath is null
            ? null
            : Path.Combine(Path.GetDirectoryName(tracePath)!, $"{Path.GetFileNameWithoutExtension(tracePath)}-{units}-units{Path.GetExtension(tracePath)}");

    internal static void Check(ReconciliationRun run, int units)
    {
        if (run.Status != ReconciliationRunStatus.Completed || run.Units != units)
        {
            throw new BenchmarkException(
                $"the run {run.RunId} ended {run.Status} with {run.Units:N0} units (expected COMPLETED with {units:N0}){(run.Error.Length > 0 ? ": " + run.Error : "")}.");
        }
    }

    private static ReconcileDataSetReport BuildReport(
        ReconcileOptions o, DateTimeOffset startedAt, TimeSpan wall, ContributionDataset data, HubRun hub, GroupByResult baseline,
        double? ratioGoal, IReadOnlyList<PhaseTime>? profile, ChunkIndexResult chunkIndex)
    {
        var t = hub.Timing;
        var r = t.Run;
        var hubSeconds = t.Elapsed.TotalSeconds;
        var ratio = hubSeconds / baseline.Warm.TotalSeconds;
        return new ReconcileDataSetReport(
            startedAt,
            Math.Round(wall.TotalSeconds, 1),
            o.Lines,
            data.Units,
            o.Persons,
            SettlementRecords.Count(data),
            SettlementRecords.UnitsWith(SettlementStatus.Arrears, data.Units),
            SettlementRecords.UnitsWith(SettlementStatus.Deferred, data.Units),
            o.DecisionDate,
            o.FreshHubForRun,
            hub.Pushes,
            Math.Round(hubSeconds, 3),
            ReconcilePhases.Of(t),
            ReconcileRunSummary.Of(r),
            hub.Memory,
            Math.Round(baseline.Cold.TotalSeconds, 3),
            Math.Round(baseline.Warm.TotalSeconds, 3),
            baseline.Groups,
            "sqlite3 hub.db \".parameter set @d '<D>'\" \".parameter set @t <T>\" \"<sql>\" > /dev/null, run twice on the stopped hub's file; the second (warm cache) is the baseline",
            GroupByBaseline.Sql,
            Math.Round(ratio, 3),
            ratioGoal,
            ratioGoal is { } goal ? ratio <= goal : null,
            profile?.Select(p => new ReconcileProfileStep(p.Step, Math.Round(p.Elapsed.TotalSeconds, 3), p.Note)).ToList(),
            chunkIndex,
            new ReconcileWhatIf(Math.Round(hub.WhatIf.Elapsed.TotalSeconds, 3), hub.WhatIf.Subjects, hub.WhatIf.ChangedSubjects,
                Math.Round(hub.WhatIf.Elapsed / t.Elapsed, 3), WhatIfCall.RatioGoal, hub.WhatIf.Elapsed / t.Elapsed <= WhatIfCall.RatioGoal));
    }

    private sealed record HubRun(ReconcileTiming Timing, ReconcilePushes Pushes, ReconcileMemory Memory, WhatIfTiming WhatIf);
}

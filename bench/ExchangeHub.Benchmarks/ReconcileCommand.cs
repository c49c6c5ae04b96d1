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
/// <c>reconcile</c>: one <c>RunReconciliation</c> over 10,000 units, 200,000 persons and 2.4 million lines pushed
/// through the real feeds, against the sqlite3 shell running the hub's contribution GROUP BY on the same database
/// file (issue 4). Goal: hub run time at most 3 times the sqlite3 time.
/// </summary>
internal static class ReconcileCommand
{
    public const double RatioGoal = 3.0;

    /// <summary>No broker needed: events stay in the outbox table; no reminder sweep during the run.</summary>
    private static readonly string[] HubArgs = ["--Hub:Messaging:Enabled", "false", "--Hub:Refunds:SendReminders", "false"];

    public static async Task<int> RunAsync(ReconcileOptions options)
    {
        await MeasureAsync(options);
        return 0;
    }

    /// <summary>Runs the measurement, prints its table, writes its JSON and returns the report.</summary>
    public static async Task<ReconcileReport> MeasureAsync(ReconcileOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var sqliteVersion = SqliteCli.Version();
        var load = MachineInfo.LoadAverage();
        Console.WriteLine($"reconcile: {options.Lines:N0} lines, {options.Units:N0} units, {options.Persons:N0} persons, decision date {options.DecisionDate}");

        var clock = Stopwatch.StartNew();
        var data = ContributionDataset.Create(options.Lines, options.Units, options.Persons);
        DataSelfCheck.Run(data);
        Console.WriteLine($"  data set ready in {clock.Elapsed.TotalSeconds:N1} s (seed {ContributionDataset.Seed:X}, periods {ContributionDataset.Periods[0]}..{ContributionDataset.Periods[^1]})");

        using var work = new WorkDirectory("exchangehub-reconcile-bench-", options.KeepFiles);
        var workDir = work.Path;
        var hubDb = Path.Combine(workDir, "hub.db");
        var hubRun = await RunHubAsync(options, data, hubDb, Path.Combine(workDir, "hub.log"));
        var timing = hubRun.Timing;
        Check(timing.Run, options.Units);
        Console.WriteLine($"  hub: run {timing.Run.Status} in {timing.Elapsed.TotalSeconds:N2} s; hub stopped");

        var baseline = GroupByBaseline.Run(hubDb, options.DecisionDate);
        Console.WriteLine($"  sqlite3 GROUP BY: cold {baseline.Cold.TotalSeconds:N2} s, warm {baseline.Warm.TotalSeconds:N2} s, {baseline.Groups:N0} groups");

        IReadOnlyList<PhaseTime>? profile = null;
        if (options.Profile)
        {
            Console.WriteLine("  profiling the run's steps one by one (in-process, read only)...");
            profile = await PhaseProfile.RunAsync(hubDb, DateOnly.ParseExact(options.DecisionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var report = BuildReport(options, startedAt, data, hubRun, baseline, profile, MachineInfo.Current(sqliteVersion, load));
        ReconcilePrinter.Print(report);
        await ReconcilePrinter.WriteJsonAsync(report, options.OutputPath);
        return report;
    }

    private static async Task<HubRun> RunHubAsync(ReconcileOptions options, ContributionDataset data, string hubDb, string logPath)
    {
        await using var hub = HubProcess.Start(options.HubDll, hubDb, logPath, HubArgs);
        await hub.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine($"  hub pid {hub.Pid} listening on {hub.Address}; pushing units, lines, settlements (not timed)...");
        using var channel = GrpcChannel.ForAddress(hub.Address, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
        try
        {
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

            var peakSinceStart = hub.PeakResidentBytes();
            if (!hub.ResetPeakResident())
            {
                Console.WriteLine("    note: could not reset the hub's VmHWM; the run's peak RSS includes the pushes");
            }

            Console.WriteLine($"  RunReconciliation (decision date {options.DecisionDate}): timing...");
            await using var trace = options.TracePath is { } tracePath ? await HubTrace.AttachAsync(hub.Pid, tracePath) : null;
            var timing = await ReconcileCall.RunAsync(channel, options.DecisionDate);
            var peakRun = hub.PeakResidentBytes();
            await hub.StopAsync();
            if (trace is not null)
            {
                Console.WriteLine($"    traced run (timing skewed by sampling): {options.TracePath}");
            }

            return new HubRun(timing, new ReconcilePushes(
                Math.Round(units.TotalSeconds, 2), Math.Round(lines.Elapsed.TotalSeconds, 2), Math.Round(settlements.TotalSeconds, 2), ReconcileOptions.BatchSize),
                peakRun, Math.Max(peakSinceStart, peakRun));
        }
        catch (BenchmarkException ex)
        {
            throw new BenchmarkException($"{ex.Message}\nThe hub's last output:\n{hub.Tail()}", ex);
        }
    }

    internal static void Check(ReconciliationRun run, int units)
    {
        if (run.Status != "COMPLETED" || run.Units != units)
        {
            throw new BenchmarkException(
                $"the run {run.RunId} ended {run.Status} with {run.Units:N0} units (expected COMPLETED with {units:N0}){(run.Error.Length > 0 ? ": " + run.Error : "")}.");
        }
    }

    private static ReconcileReport BuildReport(
        ReconcileOptions o, DateTimeOffset startedAt, ContributionDataset data, HubRun hub, GroupByResult baseline,
        IReadOnlyList<PhaseTime>? profile, MachineInfo machine)
    {
        var t = hub.Timing;
        var r = t.Run;
        var hubSeconds = t.Elapsed.TotalSeconds;
        var ratio = hubSeconds / baseline.Warm.TotalSeconds;
        var phases = new ReconcilePhases(
            Round(t.FactsRead),
            t.UnitsDone is { } done && t.FactsRead is { } read ? Round(done - read) : null,
            t.UnitsDone is { } last ? Round(t.Elapsed - last) : null,
            t.Progress.Count);
        return new ReconcileReport(
            startedAt,
            o.Lines,
            o.Units,
            o.Persons,
            SettlementRecords.Count(data),
            SettlementRecords.UnitsWith(SettlementStatus.Arrears, data.Units),
            SettlementRecords.UnitsWith(SettlementStatus.Deferred, data.Units),
            o.DecisionDate,
            hub.Pushes,
            Math.Round(hubSeconds, 3),
            phases,
            new ReconcileRunSummary(r.RunId, r.Status, r.Units, r.Decided, r.Unchanged, r.Eligible, r.Ineligible, r.Held, r.Undetermined,
                r.Exceptions, r.AmountFen, r.Policy),
            Math.Round(hub.PeakRunBytes / 1048576.0, 1),
            Math.Round(hub.PeakSinceStartBytes / 1048576.0, 1),
            Math.Round(baseline.Cold.TotalSeconds, 3),
            Math.Round(baseline.Warm.TotalSeconds, 3),
            baseline.Groups,
            "sqlite3 hub.db \".parameter set @d '<D>'\" \".parameter set @t <T>\" \"<sql>\" > /dev/null, run twice on the stopped hub's file; the second (warm cache) is the baseline",
            GroupByBaseline.Sql,
            Math.Round(ratio, 3),
            RatioGoal,
            ratio <= RatioGoal,
            profile?.Select(p => new ReconcileProfileStep(p.Step, Math.Round(p.Elapsed.TotalSeconds, 3), p.Note)).ToList(),
            machine);
    }

    private static double? Round(TimeSpan? value) => value is { } v ? Math.Round(v.TotalSeconds, 3) : null;

    private sealed record HubRun(ReconcileTiming Timing, ReconcilePushes Pushes, long PeakRunBytes, long PeakSinceStartBytes);
}

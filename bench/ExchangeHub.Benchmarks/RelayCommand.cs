using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ExchangeHub.Benchmarks.Baseline;
using ExchangeHub.Benchmarks.Relay;
using ExchangeHub.Benchmarks.Reporting;

namespace ExchangeHub.Benchmarks;

/// <summary>
/// <c>relay</c>: the hub's outbox relay (MassTransit, publisher confirms, per-subject order) draining N refund offers
/// from a SQLite outbox, against the fastest plain RabbitMQ.Client publisher of <see cref="BaselinePublisher"/> (confirms
/// pipelined in a window, best of several windows) on the same broker (issue 14 item 5). Goal: relay events/s at least
/// 0.8 of the baseline's messages/s. Then commit-to-receipt latency at a steady rate (goal p99 within 100 ms).
/// </summary>
internal static class RelayCommand
{
    public const double RatioGoal = 0.8;
    public const double LatencyGoalP99Ms = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(RelayOptions options)
    {
        RelayHub.ExtraSettings = options.Settings;
        if (options.RelayOnly)
        {
            await RelayOnlyAsync(options);
            return 0;
        }
        await MeasureAsync(options);
        return 0;
    }

    /// <summary>The relay and latency parts alone, printed (for a profile or an A/B of settings; no baseline, no ratio).</summary>
    private static async Task RelayOnlyAsync(RelayOptions options)
    {
        Console.WriteLine($"relay (relay only, settings: {string.Join(", ", options.Settings.Select(s => $"{s.Key}={s.Value}"))}{(options.DirectPublish ? ", direct publish" : "")}):"
            + $" {options.Events:N0} events over {options.Subjects:N0} subjects, load average {MachineInfo.LoadAverage()}");
        var correlation = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var events = RelayEvents.Create(options.Events, options.Subjects, correlation);
        using var work = new WorkDirectory("exchangehub-relay-bench-", options.KeepFiles);
        var database = Path.Combine(work.Path, "hub.db");
        await RelayHub.PrepareAsync(database, events);
        events = null!;
        Console.WriteLine($"  {BenchHeap.Release()}");
        await WarmUpAsync(work.Path, options);
        Console.WriteLine($"  outbox filled; relay starts (pid {Environment.ProcessId})");
        var relay = await RelayHub.RunAsync(database, options.Broker, options.Events, options.DirectPublish);
        Console.WriteLine($"  relay: {options.Events:N0} events in {relay.Elapsed.TotalSeconds:N2} s ({options.Events / relay.Elapsed.TotalSeconds:N0}/s; the hub built and started in {relay.HubStart.TotalSeconds:N2} s before, untimed)");
        if (options.LatencySeconds > 0)
        {
            await BrokerSettle.WaitAsync();
            var latency = await RelayHub.LatencyAsync(Path.Combine(work.Path, "latency.db"), options.Broker, options.LatencyRate, options.LatencySeconds,
                correlation, LatencyGoalP99Ms, options.DirectPublish);
            Console.WriteLine($"  latency at {latency.RatePerSecond:N0}/s: p50 {latency.P50Ms:N1} ms, p99 {latency.P99Ms:N1} ms, max {latency.MaxMs:N1} ms");
        }
    }

    /// <summary>Events of the untimed warm-up relay run.</summary>
    private const int WarmUpEvents = 30_000;

    /// <summary>
    /// A relay over a small outbox of its own, untimed, before the timed one: the timed hub runs in a process whose relay
    /// code is compiled already, as in a hub that has been up for a while (a cold relay spent a fifth of its CPU in the
    /// JIT during the first seconds, 2026-12-01 <c>perf</c>) — the baseline's loop is warm too, after its first runs.
    /// </summary>
    private static async Task WarmUpAsync(string workDir, RelayOptions options)
    {
        var database = Path.Combine(workDir, "warm-up.db");
        await RelayHub.PrepareAsync(database, RelayEvents.Create(WarmUpEvents, options.Subjects, "bench-warm-up"));
        var warm = await RelayHub.RunAsync(database, options.Broker, WarmUpEvents, options.DirectPublish);
        Console.WriteLine($"  warm-up relay: {WarmUpEvents:N0} events in {warm.Elapsed.TotalSeconds:N2} s (not timed)");
        // The runtime's tiering worker compiles the hot methods a little after they became hot: let it finish (and the
        // broker collect the warm-up's deleted queue).
        await Task.Delay(TimeSpan.FromSeconds(3));
        var settled = await BrokerSettle.WaitAsync();
        Console.WriteLine($"  broker settled after {settled.TotalSeconds:N1} s");
    }

    /// <summary>Runs the measurement, prints its table, writes its JSON and returns the report.</summary>
    public static async Task<RelayReport> MeasureAsync(RelayOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var load = MachineInfo.LoadAverage();
        Console.WriteLine($"relay: {options.Events:N0} RefundOffered events over {options.Subjects:N0} subjects, broker {options.Broker.Host}:{options.Broker.Port}");
        var correlation = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var events = RelayEvents.Create(options.Events, options.Subjects, correlation);
        var bodies = BaselinePublisher.Envelopes(events, e => e.EventId, "ExchangeHub.Contracts.Refunds:RefundOffered");
        var averageBytes = (int)bodies.Average(b => b.Body.Length);

        var baseline = await BaselinePublisher.RunAsync(options.Broker, bodies);
        Console.WriteLine($"  baseline: best {baseline.Best.Mode} window {baseline.Best.Window}, {baseline.Best.MessagesPerSecond:N0}/s, RabbitMQ {baseline.ServerVersion}");
        bodies = null!; // the baseline's envelopes are not the hub's: released before the hub runs (BenchHeap)

        using var work = new WorkDirectory("exchangehub-relay-bench-", options.KeepFiles);
        var workDir = work.Path;
        var database = Path.Combine(workDir, "hub.db");
        var clock = Stopwatch.StartNew();
        await RelayHub.PrepareAsync(database, events);
        events = null!;
        Console.WriteLine($"  outbox filled in {clock.Elapsed.TotalSeconds:N1} s (not timed); {BenchHeap.Release()}");
        // The same rows through MassTransit alone (no rounds, no marks): how much of the relay's time its publish path takes.
        var massTransitRate = 0.0;
        foreach (var window in new[] { 64, 512 })
        {
            await BrokerSettle.WaitAsync();
            var massTransit = await RelayHub.MassTransitOnlyAsync(database, options.Broker, options.Events, window);
            var rate = options.Events / massTransit.TotalSeconds;
            massTransitRate = Math.Max(massTransitRate, rate);
            Console.WriteLine($"  MassTransit publish path alone ({window} in flight): {options.Events:N0} in {massTransit.TotalSeconds:N2} s ({rate:N0}/s)");
        }
        await WarmUpAsync(workDir, options);
        var relay = await RelayHub.RunAsync(database, options.Broker, options.Events, options.DirectPublish);
        Console.WriteLine($"  relay: {options.Events:N0} events in {relay.Elapsed.TotalSeconds:N2} s ({options.Events / relay.Elapsed.TotalSeconds:N0}/s; the hub built and started in {relay.HubStart.TotalSeconds:N2} s before, untimed)");
        RelayLatency? latency = null;
        if (options.LatencySeconds > 0)
        {
            await BrokerSettle.WaitAsync();
            latency = await RelayHub.LatencyAsync(Path.Combine(workDir, "latency.db"), options.Broker, options.LatencyRate, options.LatencySeconds,
                correlation, LatencyGoalP99Ms, options.DirectPublish);
            Console.WriteLine($"  latency at {latency.RatePerSecond:N0}/s: p50 {latency.P50Ms:N1} ms, p99 {latency.P99Ms:N1} ms, max {latency.MaxMs:N1} ms");
        }

        var relayRate = options.Events / relay.Elapsed.TotalSeconds;
        var baseRate = baseline.Best.MessagesPerSecond;
        var report = new RelayReport(
            startedAt,
            options.Events,
            options.Subjects,
            averageBytes,
            Math.Round(relay.Elapsed.TotalSeconds, 3),
            Math.Round(relayRate),
            relay.Queued,
            baseline.Best.Seconds,
            Math.Round(baseRate),
            options.Events,
            $"{baseline.Best.Mode} confirms, window {baseline.Best.Window}",
            baseline.Runs,
            baseline.Bare.MessagesPerSecond,
            Math.Round(relay.HubStart.TotalSeconds, 3),
            Math.Round(relayRate / baseRate, 3),
            RatioGoal,
            relayRate / baseRate >= RatioGoal,
            (options.Settings.Count > 0 ? "settings " + string.Join(", ", options.Settings.Select(s => $"{s.Key}={s.Value}")) + ", " : "")
            + (options.DirectPublish ? "direct publish" : "the hub's default relay (pipelined, direct path, on SQLite)") + ", other Hub:Messaging defaults; timed from the started hub (its relay's connection included, the hub's build and start not: see HubStartSeconds)",
            baseline.ServerVersion,
            Math.Round(massTransitRate),
            latency,
            MachineInfo.Current(SqliteVersion(), load));
        Print(report);
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
        await File.WriteAllTextAsync(options.OutputPath, JsonSerializer.Serialize(report, Json));
        Console.WriteLine($"results: {options.OutputPath}");
        return report;
    }

    private static void CheckQueued(string what, long queued, int expected)
    {
        if (queued < expected)
        {
            throw new BenchmarkException($"{what}: the queue holds {queued:N0} of {expected:N0} messages.");
        }
    }

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

    private static void Print(RelayReport r)
    {
        static string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"{"measure",-32} {"value",12}   goal");
        Console.WriteLine(new string('-', 64));
        Console.WriteLine($"{"events (avg JSON bytes)",-32} {N(r.Events),12}   ({N(r.PayloadBytesAverage)} bytes)");
        Console.WriteLine($"{"relay seconds",-32} {r.RelaySeconds,12:N2}");
        Console.WriteLine($"{"relay events/s",-32} {N(r.RelayEventsPerSecond),12}");
        Console.WriteLine($"{"MassTransit publish alone /s",-32} {N(r.MassTransitOnlyEventsPerSecond),12}");
        Console.WriteLine($"{"baseline seconds",-32} {r.BaselineSeconds,12:N2}");
        foreach (var run in r.BaselineRuns)
        {
            Console.WriteLine($"{$"baseline {run.Mode} window {run.Window}",-32} {N(run.MessagesPerSecond),12}");
        }
        Console.WriteLine($"{"baseline msgs/s (best)",-32} {N(r.BaselineMessagesPerSecond),12}   ({r.BaselineBest})");
        Console.WriteLine($"{"baseline bare (no id/header) /s",-32} {N(r.BaselineBareMessagesPerSecond),12}   (not the baseline)");
        Console.WriteLine($"{"hub build + start s (untimed)",-32} {r.HubStartSeconds,12:N2}");
        Console.WriteLine($"{"ratio relay / baseline",-32} {r.Ratio,12:N3}   >= {r.RatioGoal:N1}  {(r.RatioPass ? "PASS" : "FAIL")}");
        if (r.Latency is { } l)
        {
            Console.WriteLine($"{$"latency p50 ms at {N(l.RatePerSecond)}/s",-32} {l.P50Ms,12:N1}");
            Console.WriteLine($"{$"latency p99 ms at {N(l.RatePerSecond)}/s",-32} {l.P99Ms,12:N1}   <= {l.GoalP99Ms:N0}  {(l.Pass ? "PASS" : "FAIL")}");
        }
        Console.WriteLine(new string('-', 64));
        var m = r.Machine;
        Console.WriteLine($"machine: nproc {m.ProcessorCount}, {m.CpuModel}, {N(m.MemoryTotalMiB)} MiB RAM, {m.Os}, {m.Runtime}, RabbitMQ {r.RabbitMq}");
        Console.WriteLine($"load average at start: {m.LoadAverageAtStart} (other work on the machine skews the timings)");
    }
}

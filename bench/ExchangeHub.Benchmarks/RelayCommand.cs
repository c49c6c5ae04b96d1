using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ExchangeHub.Benchmarks.Baseline;
using ExchangeHub.Benchmarks.Relay;
using ExchangeHub.Benchmarks.Reporting;

namespace ExchangeHub.Benchmarks;

/// <summary>
/// <c>relay</c>: the hub's outbox relay (MassTransit, publisher confirms, per-subject order) draining N refund offers
/// from a SQLite outbox, against a plain RabbitMQ.Client publisher with batched confirms on the same broker
/// (issue 4). Goal: relay events/s at least half the baseline's messages/s.
/// </summary>
internal static class RelayCommand
{
    public const double RatioGoal = 0.5;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(RelayOptions options)
    {
        await MeasureAsync(options);
        return 0;
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
        var averageBytes = (int)bodies.Average(b => b.Length);

        var baseline = await BaselinePublisher.RunAsync(options.Broker, bodies);
        CheckQueued("baseline", baseline.Queued, options.Events);
        Console.WriteLine($"  baseline: {options.Events:N0} messages in {baseline.Elapsed.TotalSeconds:N2} s ({options.Events / baseline.Elapsed.TotalSeconds:N0}/s), RabbitMQ {baseline.ServerVersion}");

        using var work = new WorkDirectory("exchangehub-relay-bench-", options.KeepFiles);
        var workDir = work.Path;
        var database = Path.Combine(workDir, "hub.db");
        var clock = Stopwatch.StartNew();
        await RelayHub.PrepareAsync(database, events);
        Console.WriteLine($"  outbox filled in {clock.Elapsed.TotalSeconds:N1} s (not timed)");
        var relay = await RelayHub.RunAsync(database, options.Broker, options.Events);
        Console.WriteLine($"  relay: {options.Events:N0} events in {relay.Elapsed.TotalSeconds:N2} s ({options.Events / relay.Elapsed.TotalSeconds:N0}/s)");

        var relayRate = options.Events / relay.Elapsed.TotalSeconds;
        var baseRate = options.Events / baseline.Elapsed.TotalSeconds;
        var report = new RelayReport(
            startedAt,
            options.Events,
            options.Subjects,
            averageBytes,
            Math.Round(relay.Elapsed.TotalSeconds, 3),
            Math.Round(relayRate),
            relay.Queued,
            Math.Round(baseline.Elapsed.TotalSeconds, 3),
            Math.Round(baseRate),
            baseline.Queued,
            BaselinePublisher.BatchSize,
            Math.Round(relayRate / baseRate, 3),
            RatioGoal,
            relayRate / baseRate >= RatioGoal,
            "defaults of Hub:Messaging (batch 500, 128 subjects at once, publish timeout 10 s); timed from hub start, bus connection included",
            baseline.ServerVersion,
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
        Console.WriteLine($"{"baseline seconds",-32} {r.BaselineSeconds,12:N2}");
        Console.WriteLine($"{"baseline msgs/s (confirms x500)",-32} {N(r.BaselineMessagesPerSecond),12}");
        Console.WriteLine($"{"ratio relay / baseline",-32} {r.Ratio,12:N3}   >= {r.RatioGoal:N1}  {(r.RatioPass ? "PASS" : "FAIL")}");
        Console.WriteLine(new string('-', 64));
        var m = r.Machine;
        Console.WriteLine($"machine: nproc {m.ProcessorCount}, {m.CpuModel}, {N(m.MemoryTotalMiB)} MiB RAM, {m.Os}, {m.Runtime}, RabbitMQ {r.RabbitMq}");
        Console.WriteLine($"load average at start: {m.LoadAverageAtStart} (other work on the machine skews the timings)");
    }
}

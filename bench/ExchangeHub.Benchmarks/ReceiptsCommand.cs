using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ExchangeHub.Benchmarks.Data;
using ExchangeHub.Benchmarks.Ingest;
using ExchangeHub.Benchmarks.Reporting;
using ExchangeHub.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;

namespace ExchangeHub.Benchmarks;

/// <summary>
/// <c>receipts</c> (issue 15, item 5): the same contribution lines pushed to a fresh SQLite hub in many small
/// PushContributions calls (each call one audit entry and, with receipts on, one Merkle leaf and a receipt in its
/// reply), with <c>Hub:Audit:Receipts</c> on and off, alternately, in the same run; the best of each is compared
/// (goal on ≥ 0.9 × off). From each receipts-on database, every entry's time to the first signed checkpoint that
/// covers it: its <c>occurred_at</c> (stamped in its transaction, just before the commit) to the checkpoint's signed
/// time, both from the hub's clock — so the figure is from a little before the commit (goal p99 ≤ 1 s).
/// </summary>
internal static class ReceiptsCommand
{
    private const double RatioGoal = 0.9;
    private const double LatencyP99GoalSeconds = 1.0;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        int lines = 240_000, linesPerCall = 100, concurrency = 4, rounds = 2;
        string? hubDll = null, output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines": lines = Count(args, ref i); break;
                case "--lines-per-call": linesPerCall = Count(args, ref i); break;
                case "--concurrency": concurrency = Count(args, ref i); break;
                case "--rounds": rounds = Count(args, ref i); break;
                case "--hub-dll": hubDll = args[++i]; break;
                case "--out": output = args[++i]; break;
                default: throw new BenchmarkException($"receipts: unknown option '{args[i]}' (see --help).");
            }
        }
        var root = RepoLocator.FindRoot();
        hubDll = Path.GetFullPath(hubDll ?? Path.Combine(root, "src/ExchangeHub.Server/bin/Release/net10.0/ExchangeHub.Server.dll"));
        output = Path.GetFullPath(output ?? Path.Combine(root, "artifacts/bench/receipts.json"));
        var persons = (lines + ContributionDataset.Months - 1) / ContributionDataset.Months;
        var data = ContributionDataset.Create(lines, Math.Max(1, persons / 20), persons);
        var calls = (lines + linesPerCall - 1) / linesPerCall;
        var load = MachineInfo.LoadAverage();
        Console.WriteLine($"receipts: {lines:N0} lines in {calls:N0} PushContributions calls of {linesPerCall:N0} lines, {concurrency} at a time;"
            + $" {rounds} rounds of receipts off and on (order alternating); load average {load}");

        var runs = new List<ReceiptsRun>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var on in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var run = await MeasureAsync(hubDll, data, linesPerCall, concurrency, on);
                runs.Add(run);
                Console.WriteLine($"  round {round + 1}, receipts {(on ? "on " : "off")}: {run.Seconds:N2} s, {run.LinesPerSecond:N0} lines/s, {run.CallsPerSecond:N0} calls/s"
                    + (on ? $"; checkpoint latency p50 {run.Latency!.P50Ms:N0} ms, p99 {run.Latency.P99Ms:N0} ms, max {run.Latency.MaxMs:N0} ms over {run.Latency.Entries:N0} entries, {run.Latency.Checkpoints:N0} checkpoints" : ""));
            }
        }

        var bestOff = runs.Where(r => !r.ReceiptsOn).MaxBy(r => r.LinesPerSecond)!;
        var bestOn = runs.Where(r => r.ReceiptsOn).MaxBy(r => r.LinesPerSecond)!;
        var ratio = bestOn.LinesPerSecond / bestOff.LinesPerSecond;
        var latencies = runs.Where(r => r.ReceiptsOn).Select(r => r.Latency!).ToList();
        var p99 = latencies.Max(l => l.P99Ms);
        Console.WriteLine();
        Console.WriteLine($"  ingestion, receipts on / off (best of {rounds} each): {bestOn.LinesPerSecond:N0} / {bestOff.LinesPerSecond:N0} lines/s = {ratio:N3}"
            + $"  (goal >= {RatioGoal}) {(ratio >= RatioGoal ? "MET" : "NOT MET")}");
        Console.WriteLine($"  commit to signed checkpoint, worst round's p99: {p99:N0} ms  (goal <= {LatencyP99GoalSeconds * 1000:N0} ms) {(p99 <= LatencyP99GoalSeconds * 1000 ? "MET" : "NOT MET")}");

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new
        {
            startedAtLoadAverage = load,
            endLoadAverage = MachineInfo.LoadAverage(),
            lines, linesPerCall, concurrency, rounds,
            ratio, ratioGoal = RatioGoal, ratioMet = ratio >= RatioGoal,
            latencyP99Ms = p99, latencyP99GoalMs = LatencyP99GoalSeconds * 1000, latencyMet = p99 <= LatencyP99GoalSeconds * 1000,
            runs,
        }, Indented));
        Console.WriteLine($"  results: {output}");
        return 0;
    }

    private static async Task<ReceiptsRun> MeasureAsync(string hubDll, ContributionDataset data, int linesPerCall, int concurrency, bool receiptsOn)
    {
        using var work = new WorkDirectory("exchangehub-receipts-bench-", keep: false);
        var database = Path.Combine(work.Path, "hub.db");
        TimeSpan elapsed;
        long calls;
        await using (var hub = HubProcess.Start(hubDll, database, Path.Combine(work.Path, "hub.log"),
                         ["--Hub:Audit:Receipts", receiptsOn ? "true" : "false", "--Hub:Decisions:Follow", "false"]))
        {
            await hub.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
            (elapsed, calls) = await PushAsync(hub.Address, data, linesPerCall, concurrency, receiptsOn);
            if (receiptsOn)
            {
                await WaitForCoveringCheckpointAsync(database);
            }
        }
        return new ReceiptsRun(receiptsOn, elapsed.TotalSeconds, data.Lines / elapsed.TotalSeconds, calls / elapsed.TotalSeconds,
            receiptsOn ? ReadLatency(database) : null);
    }

    /// <summary>Every call a range of lines; <paramref name="concurrency"/> calls in flight over one HTTP/2 connection.</summary>
    private static async Task<(TimeSpan Elapsed, long Calls)> PushAsync(Uri address, ContributionDataset data, int linesPerCall, int concurrency, bool receiptsOn)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new TaxFeedService.TaxFeedServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + HubPusher.TaxToken } };
        var ranges = new List<(long First, long Count)>();
        for (long first = 1; first <= data.Lines; first += linesPerCall)
        {
            ranges.Add((first, Math.Min(linesPerCall, data.Lines - first + 1)));
        }
        // Messages built before the clock starts: the run measures the hub.
        var messages = ranges.Select(r => ContributionBatches.Create(data, linesPerCall, r.First, r.Count).ToList()).ToList();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < messages.Count)
            {
                using var call = client.PushContributions(headers, deadline: DateTime.UtcNow.AddMinutes(5));
                foreach (var message in messages[index])
                {
                    await call.RequestStream.WriteAsync(message);
                }
                await call.RequestStream.CompleteAsync();
                var summary = (await call.ResponseAsync).Summary;
                if (summary.Accepted != ranges[index].Count || summary.AuditSequence == 0 || (summary.AuditLeafHash.Length > 0) != receiptsOn)
                {
                    throw new BenchmarkException($"receipts: call {index} answered accepted {summary.Accepted} of {ranges[index].Count}, audit entry {summary.AuditSequence},"
                        + $" leaf hash '{summary.AuditLeafHash}' with receipts {(receiptsOn ? "on" : "off")}.");
                }
            }
        })));
        return (clock.Elapsed, messages.Count);
    }

    private static async Task WaitForCoveringCheckpointAsync(string database)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoints) >= (SELECT COALESCE(MAX(sequence), 0) FROM audit_log)";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 1)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new BenchmarkException("receipts: no signed checkpoint covered every audit entry within 10 s of the last reply.");
    }

    /// <summary>For every entry, the first checkpoint of at least its sequence: signed time − the entry's time.</summary>
    private static CheckpointLatency ReadLatency(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        var checkpoints = new List<(long Size, long SignedMs)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT tree_size, timestamp_unix_ms FROM audit_checkpoints ORDER BY tree_size";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                checkpoints.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }
        var latencies = new List<double>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sequence, occurred_at FROM audit_log ORDER BY sequence";
            using var reader = command.ExecuteReader();
            var c = 0;
            while (reader.Read())
            {
                var sequence = reader.GetInt64(0);
                var at = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();
                while (c < checkpoints.Count && checkpoints[c].Size < sequence)
                {
                    c++;
                }
                if (c == checkpoints.Count)
                {
                    throw new BenchmarkException($"receipts: audit entry {sequence} is covered by no checkpoint.");
                }
                latencies.Add(checkpoints[c].SignedMs - at);
            }
        }
        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new CheckpointLatency(latencies.Count, checkpoints.Count, At(0.5), At(0.99), latencies[^1]);
    }

    private static int Count(string[] args, ref int i)
    {
        var name = args[i];
        if (i + 1 >= args.Length || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new BenchmarkException($"receipts: {name} takes a positive whole number.");
        }
        return value;
    }

    private sealed record CheckpointLatency(int Entries, int Checkpoints, double P50Ms, double P99Ms, double MaxMs);

    private sealed record ReceiptsRun(bool ReceiptsOn, double Seconds, double LinesPerSecond, double CallsPerSecond, CheckpointLatency? Latency);
}

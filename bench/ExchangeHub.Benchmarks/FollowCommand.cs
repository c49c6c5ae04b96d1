using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ExchangeHub.Benchmarks.Data;
using ExchangeHub.Benchmarks.Ingest;
using ExchangeHub.Benchmarks.Reconcile;
using ExchangeHub.V1;
using Grpc.Net.Client;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ExchangeHub.Benchmarks;

/// <summary>
/// <c>follow</c> (issue 14, item 3): a decided population in a hub process with decisions following the data, then
/// corrections at a steady rate (each one line of another decided unit, one call each), and for each the time from the
/// call's reply (the ack) to the first event of its unit's follow-up re-decision on the broker (a queue bound to
/// <c>exchangehub.v1.events</c>). Prints p50/p99; goal p99 ≤ 2 s. The hub's follow-ups are dated today, so it runs a
/// copy of the policy file whose windows run on to 2099 (the refund programme is open today), and the decided
/// population is a run dated today.
/// </summary>
internal static class FollowCommand
{
    private const double P99GoalSeconds = 2.0;
    private const string Exchange = "exchangehub.v1.events";

    public static async Task<int> RunAsync(string[] args)
    {
        int units = 500, rate = 10, seconds = 30;
        var delay = "00:00:00.500";
        string? hubDll = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--units": units = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rate": rate = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--delay": delay = args[++i]; break;
                case "--hub-dll": hubDll = args[++i]; break;
                default: throw new BenchmarkException($"follow: unknown option '{args[i]}' (see --help).");
            }
        }
        var corrections = rate * seconds;
        if (rate < 1 || seconds < 1)
        {
            throw new BenchmarkException("follow: --rate and --seconds must be positive.");
        }
        var root = RepoLocator.FindRoot();
        hubDll = Path.GetFullPath(hubDll ?? Path.Combine(root, "src/ExchangeHub.Server/bin/Release/net10.0/ExchangeHub.Server.dll"));
        var broker = new Uri(Environment.GetEnvironmentVariable("EXCHANGEHUB_TEST_RABBITMQ") is { Length: > 0 } uri ? uri : "amqp://guest:guest@127.0.0.1:5672/");

        using var work = new WorkDirectory("exchangehub-follow-bench-", keep: false);
        var policy = Path.Combine(work.Path, "policy.json");
        var policyJson = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "policies/xpcc-2024.json")))!;
        ExtendLastSegments(policyJson);
        await File.WriteAllTextAsync(policy, policyJson.ToJsonString());
        var persons = units * 4;
        var data = ContributionDataset.Create(persons * ContributionDataset.Months, units, persons);
        Console.WriteLine($"follow: {units:N0} units, {data.Lines:N0} lines; {rate} corrections/s for {seconds} s; Hub:Decisions:FollowDelay {delay}");

        await using var hub = HubProcess.Start(hubDll, Path.Combine(work.Path, "hub.db"), Path.Combine(work.Path, "hub.log"),
        [
            "--Hub:Policy:Path", policy, "--Hub:Refunds:SendReminders", "false",
            "--Hub:Messaging:Enabled", "true", "--Hub:Messaging:RabbitMqUri", broker.ToString(), "--Hub:Messaging:PollInterval", "00:00:00.050",
            "--Hub:Decisions:Follow", "true", "--Hub:Decisions:FollowDelay", delay,
        ]);
        await hub.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        await ReconcileCommand.PushAsync(hub, data);
        using var channel = GrpcChannel.ForAddress(hub.Address);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var run = await ReconcileCall.RunAsync(channel, today);
        Console.WriteLine($"  decided population: run {run.Run.Status}, {run.Run.Decided:N0} decided in {run.Elapsed.TotalSeconds:N1} s");

        // The subscriber: every follow-up event's arrival time by unit (the first one after the unit's latest ack counts).
        var arrivals = new ConcurrentQueue<(string Uscc, long At)>();
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var amqp = await connection.CreateChannelAsync();
        var queue = (await amqp.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await amqp.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await amqp.QueueBindAsync(queue, Exchange, "");
        var consumer = new AsyncEventingBasicConsumer(amqp);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var at = Stopwatch.GetTimestamp();
            using var json = JsonDocument.Parse(delivery.Body);
            var message = json.RootElement.GetProperty("message");
            if (message.GetProperty("correlationId").GetString() is { } correlation && correlation.StartsWith("follow-", StringComparison.Ordinal))
            {
                arrivals.Enqueue((message.GetProperty("subjectKey").GetString()!, at));
            }
            return Task.CompletedTask;
        };
        await amqp.BasicConsumeAsync(queue, autoAck: true, consumer);

        // One correction per call: a line of month 1 of the next ELIGIBLE unit (its first person), the next revision,
        // employer amount + 10 yuan — the offer's amount moves (a change of a few fen can round to the same offer), so its re-decision supersedes it with an event (an
        // ineligible unit's new facts are stored as a decision but announce nothing).
        var refunds = new RefundService.RefundServiceClient(channel);
        var firstLines = new List<ContributionRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long n = 1; n <= data.Persons && seen.Count < units; n++)
        {
            var record = data.Get(n);
            if (seen.Add(record.Uscc) && (await refunds.GetRefundDecisionAsync(
                    new GetRefundDecisionRequest { Uscc = record.Uscc, ProgramYear = 2024 }, FeedPush.Headers(ReconcileCall.OperatorToken))).Decision.Outcome == RefundOutcome.Eligible)
            {
                firstLines.Add(record);
            }
        }
        if (firstLines.Count < 2 * rate)
        {
            throw new BenchmarkException($"follow: {firstLines.Count} eligible units; at least {2 * rate} are needed so a unit is corrected at most every 2 s.");
        }
        Console.WriteLine($"  correcting {firstLines.Count} eligible units round-robin");
        var tax = new TaxFeedService.TaxFeedServiceClient(channel);
        var acks = new List<(string Uscc, long At)>(corrections);
        var pace = Stopwatch.StartNew();
        for (var k = 0; k < corrections; k++)
        {
            var due = TimeSpan.FromSeconds((double)k / rate);
            if (due > pace.Elapsed)
            {
                await Task.Delay(due - pace.Elapsed);
            }
            var record = firstLines[k % firstLines.Count];
            var line = ContributionBatches.ToProto(record);
            line.Revision = 2 + (k / firstLines.Count);
            line.EmployerAmountFen += 1000 * (1 + (k / firstLines.Count));
            using var call = tax.PushContributions(FeedPush.Headers(FeedPush.TaxToken), deadline: DateTime.UtcNow.AddMinutes(1));
            var request = new PushContributionsRequest();
            request.Lines.Add(line);
            await call.RequestStream.WriteAsync(request);
            await call.RequestStream.CompleteAsync();
            var reply = await call.ResponseAsync;
            if (reply.Summary.Corrected != 1)
            {
                throw new BenchmarkException($"follow: correction {k} was not stored as a correction ({reply.Summary}).");
            }
            acks.Add((record.Uscc, Stopwatch.GetTimestamp()));
        }

        // Wait for the last follow-ups (at most 10 s after the last ack).
        var waitUntil = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        List<double> latencies;
        int missing;
        do
        {
            await Task.Delay(200);
            (latencies, missing) = Match(acks, [.. arrivals]);
        }
        while (missing > 0 && Stopwatch.GetTimestamp() < waitUntil);

        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        var p99 = P(0.99);
        Console.WriteLine($"  ack → superseding event on the broker: {latencies.Count} of {acks.Count} matched ({missing} missing), "
            + $"p50 {P(0.50):N3} s, p99 {p99:N3} s, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):N3} s; goal p99 <= {P99GoalSeconds:N1} s: "
            + (missing == 0 && p99 <= P99GoalSeconds ? "met" : "NOT met"));
        await hub.StopAsync();
        return missing == 0 && p99 <= P99GoalSeconds ? 0 : 1;
    }

    /// <summary>Every dated parameter's last segment runs on to 2099-12-31, so the decisions dated today have a programme open.</summary>
    private static void ExtendLastSegments(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonArray array:
                var last = array.OfType<System.Text.Json.Nodes.JsonObject>().Where(o => o["to"] is not null)
                    .MaxBy(o => o["to"]!.GetValue<string>(), StringComparer.Ordinal);
                last?["to"] = "2099-12-31";
                foreach (var item in array)
                {
                    ExtendLastSegments(item);
                }
                break;
            case System.Text.Json.Nodes.JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    ExtendLastSegments(value);
                }
                break;
        }
    }

    /// <summary>For each ack, seconds to the first follow-up event of its unit that arrived after it.</summary>
    private static (List<double> Latencies, int Missing) Match(List<(string Uscc, long At)> acks, List<(string Uscc, long At)> arrivals)
    {
        var byUnit = arrivals.GroupBy(a => a.Uscc, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(a => a.At).Order().ToList(), StringComparer.Ordinal);
        var latencies = new List<double>(acks.Count);
        var missing = 0;
        foreach (var (uscc, at) in acks)
        {
            var first = byUnit.TryGetValue(uscc, out var times) ? times.FirstOrDefault(t => t > at) : 0;
            if (first == 0)
            {
                missing++;
            }
            else
            {
                latencies.Add((double)(first - at) / Stopwatch.Frequency);
            }
        }
        return (latencies, missing);
    }
}

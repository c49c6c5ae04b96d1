using System.Diagnostics;
using System.Text.Json.Nodes;
using ExchangeHub.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// Issue 14 item 2: one <c>RunWhatIf</c> over the same units right after the timed run, in the same hub, with a
/// variant of the repository's policy file (every refund rate 10 points lower, so every eligible unit changes), timed
/// from the call's start to its summary. Goal: at most <see cref="RatioGoal"/> times the run.
/// </summary>
internal static class WhatIfCall
{
    public const double RatioGoal = 1.5;

    public static async Task<WhatIfTiming> RunAsync(GrpcChannel channel, string decisionDate)
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoLocator.FindRoot(), "policies", "xpcc-2024.json")))!;
        root["version"] = "bench-variant";
        root["parameters"]!["refund"]!["rates"]![0]!["value"] = new JsonObject { ["LARGE"] = 0.2m, ["MEDIUM"] = 0.5m, ["SMALL"] = 0.5m, ["MICRO"] = 0.5m };
        var client = new WhatIfService.WhatIfServiceClient(channel);
        var clock = Stopwatch.StartNew();
        var changed = 0;
        try
        {
            using var call = client.RunWhatIf(new RunWhatIfRequest { PolicyJson = root.ToJsonString(), DecisionDate = decisionDate, MaxChangedSubjects = 10_000 },
                FeedPush.Headers(ReconcileCall.OperatorToken), deadline: DateTime.UtcNow.AddHours(2));
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                changed += message.ChangedSubject is null ? 0 : 1;
                if (message.Summary is { } summary)
                {
                    return new WhatIfTiming(clock.Elapsed, summary.Subjects, summary.ChangedSubjects, changed, summary.DifferenceFen);
                }
            }
        }
        catch (RpcException ex)
        {
            throw new BenchmarkException($"RunWhatIf failed after {clock.Elapsed.TotalSeconds:N1} s: status {ex.StatusCode}, detail \"{ex.Status.Detail}\"", ex);
        }
        throw new BenchmarkException("RunWhatIf ended without its summary.");
    }
}

/// <summary>What the client saw of one what-if: wall time, subjects decided, changed (counted and streamed), the difference in fen.</summary>
internal sealed record WhatIfTiming(TimeSpan Elapsed, int Subjects, int ChangedSubjects, int Streamed, long DifferenceFen);

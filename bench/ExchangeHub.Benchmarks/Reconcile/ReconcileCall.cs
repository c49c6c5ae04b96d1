using System.Diagnostics;
using ExchangeHub.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// The timed part: one <c>RunReconciliation</c> call, from the call's start to the final message (the one with
/// <c>run</c> set). The times of the progress messages split the run into its phases as the client sees them: the
/// first message (done 0) comes after the facts are read, each further one after a committed chunk of 500 units,
/// the final one after the rate check, the exceptions and the run's completion are written.
/// </summary>
internal static class ReconcileCall
{
    public const string OperatorToken = "dev-operator-token";

    public static async Task<ReconcileTiming> RunAsync(GrpcChannel channel, string decisionDate)
    {
        var client = new ReconciliationService.ReconciliationServiceClient(channel);
        var progress = new List<(TimeSpan At, int Done, int Total)>();
        ReconciliationRun? run = null;
        var clock = Stopwatch.StartNew();
        try
        {
            using var call = client.RunReconciliation(
                new RunReconciliationRequest { DecisionDate = decisionDate },
                FeedPush.Headers(OperatorToken),
                deadline: DateTime.UtcNow.AddHours(2));
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                if (message.Run is not null)
                {
                    run = message.Run;
                    break;
                }

                progress.Add((clock.Elapsed, message.Progress.Done, message.Progress.Total));
            }
        }
        catch (RpcException ex)
        {
            throw new BenchmarkException($"RunReconciliation failed after {clock.Elapsed.TotalSeconds:N1} s: status {ex.StatusCode}, detail \"{ex.Status.Detail}\"", ex);
        }

        var elapsed = clock.Elapsed;
        return new ReconcileTiming(
            elapsed,
            run ?? throw new BenchmarkException("RunReconciliation ended without a final message carrying the run."),
            progress);
    }
}

/// <summary>What the client saw of one run: total wall time, the run, the progress messages and when they came.</summary>
internal sealed record ReconcileTiming(TimeSpan Elapsed, ReconciliationRun Run, IReadOnlyList<(TimeSpan At, int Done, int Total)> Progress)
{
    /// <summary>Until the first progress message (done 0): facts read, current decisions and cases loaded.</summary>
    public TimeSpan? FactsRead => Progress.Count > 0 && Progress[0].Done == 0 ? Progress[0].At : null;

    /// <summary>The last progress message (every unit decided and committed).</summary>
    public TimeSpan? UnitsDone => Progress.Count > 0 && Progress[^1].Done == Progress[^1].Total ? Progress[^1].At : null;
}

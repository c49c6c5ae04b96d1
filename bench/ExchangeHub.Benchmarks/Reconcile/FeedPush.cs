using System.Diagnostics;
using ExchangeHub.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>Pushes the units and the settlement statuses through their real feeds (not timed by the benchmark).</summary>
internal static class FeedPush
{
    public const string MarketToken = "dev-market-token";
    public const string TaxToken = "dev-tax-token";

    public static async Task<TimeSpan> UnitsAsync(GrpcChannel channel, IEnumerable<PushUnitsRequest> batches, long expected)
    {
        var client = new MarketRegulationFeedService.MarketRegulationFeedServiceClient(channel);
        using var call = client.PushUnits(Headers(MarketToken), deadline: DateTime.UtcNow.AddHours(1));
        return await PushAsync("PushUnits", call.RequestStream, call.ResponseAsync, batches, r => r.Summary, expected);
    }

    public static async Task<TimeSpan> SettlementsAsync(GrpcChannel channel, IEnumerable<PushSettlementsRequest> batches, long expected)
    {
        var client = new TaxFeedService.TaxFeedServiceClient(channel);
        using var call = client.PushSettlements(Headers(TaxToken), deadline: DateTime.UtcNow.AddHours(1));
        return await PushAsync("PushSettlements", call.RequestStream, call.ResponseAsync, batches, r => r.Summary, expected);
    }

    public static Metadata Headers(string token) => new() { { "authorization", "Bearer " + token } };

    private static async Task<TimeSpan> PushAsync<TRequest, TResponse>(
        string method,
        IClientStreamWriter<TRequest> stream,
        Task<TResponse> response,
        IEnumerable<TRequest> batches,
        Func<TResponse, IngestSummary> summaryOf,
        long expected)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var batch in batches)
            {
                await stream.WriteAsync(batch);
            }

            await stream.CompleteAsync();
            var summary = summaryOf(await response);
            Check(method, summary, expected);
            return clock.Elapsed;
        }
        catch (RpcException ex)
        {
            throw new BenchmarkException($"{method} failed: status {ex.StatusCode}, detail \"{ex.Status.Detail}\"", ex);
        }
    }

    private static void Check(string method, IngestSummary? s, long expected)
    {
        if (s is null)
        {
            throw new BenchmarkException($"the hub answered {method} without a summary.");
        }

        if (s.Accepted == expected && s.Rejected == 0)
        {
            return;
        }

        var first = string.Join(
            "\n",
            s.Rejections.Take(10).Select(r => $"    {r.SourceRecordId} (batch {r.BatchIndex}, #{r.RecordIndex}) {r.Field}: {r.ReasonCode} {r.Message}"));
        throw new BenchmarkException(
            $"{method}: the hub did not accept every record: sent {expected:N0}, accepted {s.Accepted:N0}, duplicate {s.Duplicate:N0}, "
            + $"corrected {s.Corrected:N0}, rejected {s.Rejected:N0}." + (first.Length > 0 ? $"\n  first rejections:\n{first}" : ""));
    }
}

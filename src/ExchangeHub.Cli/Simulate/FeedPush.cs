using Google.Protobuf;
using Grpc.Core;

namespace ExchangeHub.Cli.Simulate;

/// <summary>
/// One client-streaming push: records in batches of at most <c>batchSize</c> records and under the hub's 4 MiB
/// message limit, written one after the other (client-stream writes must not overlap), then the call's summary.
/// </summary>
public static class FeedPush
{
    /// <summary>Room below the hub's 4 MiB (Hub:Ingestion:MaxMessageBytes) for the batch's own framing.</summary>
    public const int MaxBatchBytes = 3_500_000;

    public static async Task<V1.IngestSummary> RunAsync<TRecord, TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call,
        IEnumerable<TRecord> records, Func<List<TRecord>, TRequest> batch, Func<TResponse, V1.IngestSummary> summary, int batchSize,
        Action<int> sent, CancellationToken ct)
        where TRecord : IMessage
    {
        var pending = new List<TRecord>(batchSize);
        var bytes = 0;
        try
        {
            foreach (var record in records)
            {
                // A repeated field costs its tag and a length prefix besides the record.
                var size = record.CalculateSize() + 6;
                if (pending.Count == batchSize || (pending.Count > 0 && bytes + size > MaxBatchBytes))
                {
                    await call.RequestStream.WriteAsync(batch(pending), ct);
                    sent(pending.Count);
                    pending = new List<TRecord>(batchSize);
                    bytes = 0;
                }
                pending.Add(record);
                bytes += size;
            }
            if (pending.Count > 0)
            {
                await call.RequestStream.WriteAsync(batch(pending), ct);
                sent(pending.Count);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            // The hub ended the call early (a role refused, a malformed batch): its status explains why.
            await call.ResponseAsync;
            throw;
        }
        return summary(await call.ResponseAsync);
    }
}

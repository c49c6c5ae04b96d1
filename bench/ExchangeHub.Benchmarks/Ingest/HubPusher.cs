using System.Diagnostics;
using System.Threading.Channels;
using ExchangeHub.Benchmarks.Data;
using ExchangeHub.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Benchmarks.Ingest;

/// <summary>
/// Streams the data set to the hub in one PushContributions call. Messages are built on a second thread,
/// a few batches ahead, so the client's own work overlaps the hub's.
/// </summary>
internal static class HubPusher
{
    public const string TaxToken = "dev-tax-token";

    public static Task<PushResult> PushAsync(Uri address, ContributionDataset data, int batchSize) =>
        PushAsync(address, data, batchSize, 1, data.Lines);

    /// <summary>One call pushing lines <paramref name="firstLine"/> .. <paramref name="firstLine"/> + <paramref name="count"/> - 1.</summary>
    public static async Task<PushResult> PushAsync(Uri address, ContributionDataset data, int batchSize, long firstLine, long count)
    {
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = null, // a summary listing many rejections can be large
            MaxSendMessageSize = null,
        });
        var client = new TaxFeedService.TaxFeedServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + TaxToken } };

        var queue = Channel.CreateBounded<PushContributionsRequest>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var cancel = new CancellationTokenSource();
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var batch in ContributionBatches.Create(data, batchSize, firstLine, count))
                    {
                        await queue.Writer.WriteAsync(batch, cancel.Token);
                    }

                    queue.Writer.Complete();
                }
                catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
                {
                    queue.Writer.TryComplete(ex);
                }
            },
            cancel.Token);

        // Let the producer get a head start so the clock measures the hub, not the first batch's construction.
        await queue.Reader.WaitToReadAsync();
        using var call = client.PushContributions(headers, deadline: DateTime.UtcNow.AddHours(2));
        long sent = 0, batches = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            await foreach (var batch in queue.Reader.ReadAllAsync())
            {
                await call.RequestStream.WriteAsync(batch);
                sent += batch.Lines.Count;
                batches++;
            }

            await call.RequestStream.CompleteAsync();
            var response = await call.ResponseAsync;
            clock.Stop();
            await producer;
            return new PushResult(sent, batches, clock.Elapsed, response.Summary);
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or IOException)
        {
            await cancel.CancelAsync();
            var end = ex is RpcException rpc ? Describe(rpc) : await DescribeEndAsync(call.ResponseAsync);
            throw new BenchmarkException(
                $"PushContributions failed after {sent:N0} lines in {batches:N0} messages: {end}"
                + $" (client saw {ex.GetType().Name}: {ex.Message})",
                ex);
        }
    }

    /// <summary>A write fails once the call is over; the call's own status says why it ended.</summary>
    private static async Task<string> DescribeEndAsync(Task<PushContributionsResponse> response)
    {
        try
        {
            await response.WaitAsync(TimeSpan.FromSeconds(10));
            return "the hub answered although the stream broke";
        }
        catch (RpcException rpc)
        {
            return Describe(rpc);
        }
        catch (TimeoutException)
        {
            return "no status from the hub within 10 s";
        }
    }

    private static string Describe(RpcException rpc) => $"status {rpc.StatusCode}, detail \"{rpc.Status.Detail}\"";
}

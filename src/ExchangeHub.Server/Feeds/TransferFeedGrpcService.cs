using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Feeds;

/// <summary>The national transfer system's feed (role TRANSFER_SYSTEM).</summary>
public sealed class TransferFeedGrpcService(FeedIngestor ingestor, TransferRequestKind requests)
    : TransferFeedService.TransferFeedServiceBase
{
    public override async Task<PushTransferRequestsResponse> PushTransferRequests(
        IAsyncStreamReader<PushTransferRequestsRequest> requestStream, ServerCallContext context) =>
        new() { Summary = await ingestor.IngestAsync(requestStream, r => r.Requests, "requests", requests, context) };
}

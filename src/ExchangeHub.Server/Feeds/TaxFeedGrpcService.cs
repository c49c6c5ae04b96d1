using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Feeds;

/// <summary>The tax bureaus' feed (role TAX_BUREAU, enforced by the interceptor's method table).</summary>
public sealed class TaxFeedGrpcService(FeedIngestor ingestor, ContributionLineKind lines, SettlementStatusKind settlements)
    : TaxFeedService.TaxFeedServiceBase
{
    public override async Task<PushContributionsResponse> PushContributions(
        IAsyncStreamReader<PushContributionsRequest> requestStream, ServerCallContext context) =>
        new() { Summary = await ingestor.IngestAsync(requestStream, r => r.Lines, "lines", lines, context) };

    public override async Task<PushSettlementsResponse> PushSettlements(
        IAsyncStreamReader<PushSettlementsRequest> requestStream, ServerCallContext context) =>
        new() { Summary = await ingestor.IngestAsync(requestStream, r => r.Statuses, "statuses", settlements, context) };
}

using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Feeds;

/// <summary>Market regulation's feed (role MARKET_REGULATION).</summary>
public sealed class MarketRegulationFeedGrpcService(FeedIngestor ingestor, UnitKind units)
    : MarketRegulationFeedService.MarketRegulationFeedServiceBase
{
    public override async Task<PushUnitsResponse> PushUnits(
        IAsyncStreamReader<PushUnitsRequest> requestStream, ServerCallContext context) =>
        new() { Summary = await ingestor.IngestAsync(requestStream, r => r.Units, "units", units, context) };
}

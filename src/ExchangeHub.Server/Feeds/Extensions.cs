using ExchangeHub.Server.Common.Followups;

namespace ExchangeHub.Server.Feeds;

/// <summary>Registers the agencies' ingestion feeds.</summary>
public static class Extensions
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddSingleton<FollowupMarks>();
        services.AddSingleton<FeedRecordWriter>();
        services.AddSingleton<FeedIngestor>();
        services.AddSingleton<ContributionLineKind>();
        services.AddSingleton<SettlementStatusKind>();
        services.AddSingleton<UnitKind>();
        services.AddSingleton<TransferRequestKind>();
        services.AddSingleton<SkillCertificateKind>();
        services.AddSingleton<TrainingSubsidyPaymentKind>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<TaxFeedGrpcService>();
        endpoints.MapGrpcService<MarketRegulationFeedGrpcService>();
        endpoints.MapGrpcService<TransferFeedGrpcService>();
        endpoints.MapGrpcService<SkillCertificationFeedGrpcService>();
        return endpoints;
    }
}

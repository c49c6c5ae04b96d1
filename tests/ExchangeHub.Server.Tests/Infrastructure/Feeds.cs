using ExchangeHub.V1;
using Grpc.Net.Client;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>Pushes whole streams through the generated clients and returns the hub's summary.</summary>
public static class Feeds
{
    public static async Task<IngestSummary> PushLinesAsync(GrpcChannel channel, params IEnumerable<ContributionLine>[] batches)
    {
        using var call = new TaxFeedService.TaxFeedServiceClient(channel).PushContributions(deadline: Deadline());
        foreach (var batch in batches)
        {
            await call.RequestStream.WriteAsync(new PushContributionsRequest { Lines = { batch } });
        }
        await call.RequestStream.CompleteAsync();
        return (await call).Summary;
    }

    public static async Task<IngestSummary> PushSettlementsAsync(GrpcChannel channel, params IEnumerable<SettlementStatusRecord>[] batches)
    {
        using var call = new TaxFeedService.TaxFeedServiceClient(channel).PushSettlements(deadline: Deadline());
        foreach (var batch in batches)
        {
            await call.RequestStream.WriteAsync(new PushSettlementsRequest { Statuses = { batch } });
        }
        await call.RequestStream.CompleteAsync();
        return (await call).Summary;
    }

    public static async Task<IngestSummary> PushUnitsAsync(GrpcChannel channel, params IEnumerable<UnitRecord>[] batches)
    {
        using var call = new MarketRegulationFeedService.MarketRegulationFeedServiceClient(channel).PushUnits(deadline: Deadline());
        foreach (var batch in batches)
        {
            await call.RequestStream.WriteAsync(new PushUnitsRequest { Units = { batch } });
        }
        await call.RequestStream.CompleteAsync();
        return (await call).Summary;
    }

    public static async Task<IngestSummary> PushTransfersAsync(GrpcChannel channel, params IEnumerable<TransferRequestRecord>[] batches)
    {
        using var call = new TransferFeedService.TransferFeedServiceClient(channel).PushTransferRequests(deadline: Deadline());
        foreach (var batch in batches)
        {
            await call.RequestStream.WriteAsync(new PushTransferRequestsRequest { Requests = { batch } });
        }
        await call.RequestStream.CompleteAsync();
        return (await call).Summary;
    }

    public static async Task<IngestSummary> PushCertificatesAsync(GrpcChannel channel, params IEnumerable<SkillCertificateRecord>[] batches)
    {
        using var call = new SkillCertificationFeedService.SkillCertificationFeedServiceClient(channel).PushCertificates(deadline: Deadline());
        foreach (var batch in batches)
        {
            await call.RequestStream.WriteAsync(new PushCertificatesRequest { Certificates = { batch } });
        }
        await call.RequestStream.CompleteAsync();
        return (await call).Summary;
    }

    public static async Task<IngestSummary> PushTrainingPaymentsAsync(GrpcChannel channel, params IEnumerable<TrainingSubsidyPaymentRecord>[] batches)
    {
        using var call = new SkillCertificationFeedService.SkillCertificationFeedServiceClient(channel).PushTrainingSubsidyPayments(deadline: Deadline());
        foreach (var batch in batches)
        {
            await call.RequestStream.WriteAsync(new PushTrainingSubsidyPaymentsRequest { Payments = { batch } });
        }
        await call.RequestStream.CompleteAsync();
        return (await call).Summary;
    }

    public static DateTime Deadline() => DateTime.UtcNow.AddMinutes(2);
}

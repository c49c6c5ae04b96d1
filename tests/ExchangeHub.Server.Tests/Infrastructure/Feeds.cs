using ExchangeHub.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>Pushes whole streams through the generated clients and returns the hub's summary.</summary>
public static class Feeds
{
    public static async Task<IngestSummary> PushLinesAsync(GrpcChannel channel, params IEnumerable<ContributionLine>[] batches) =>
        (await SendAsync(new TaxFeedService.TaxFeedServiceClient(channel).PushContributions(deadline: Deadline()),
            batches.Select(b => new PushContributionsRequest { Lines = { b } }))).Summary;

    public static async Task<IngestSummary> PushSettlementsAsync(GrpcChannel channel, params IEnumerable<SettlementStatusRecord>[] batches) =>
        (await SendAsync(new TaxFeedService.TaxFeedServiceClient(channel).PushSettlements(deadline: Deadline()),
            batches.Select(b => new PushSettlementsRequest { Statuses = { b } }))).Summary;

    public static async Task<IngestSummary> PushUnitsAsync(GrpcChannel channel, params IEnumerable<UnitRecord>[] batches) =>
        (await SendAsync(new MarketRegulationFeedService.MarketRegulationFeedServiceClient(channel).PushUnits(deadline: Deadline()),
            batches.Select(b => new PushUnitsRequest { Units = { b } }))).Summary;

    public static async Task<IngestSummary> PushTransfersAsync(GrpcChannel channel, params IEnumerable<TransferRequestRecord>[] batches) =>
        (await SendAsync(new TransferFeedService.TransferFeedServiceClient(channel).PushTransferRequests(deadline: Deadline()),
            batches.Select(b => new PushTransferRequestsRequest { Requests = { b } }))).Summary;

    public static async Task<IngestSummary> PushCertificatesAsync(GrpcChannel channel, params IEnumerable<SkillCertificateRecord>[] batches) =>
        (await SendAsync(new SkillCertificationFeedService.SkillCertificationFeedServiceClient(channel).PushCertificates(deadline: Deadline()),
            batches.Select(b => new PushCertificatesRequest { Certificates = { b } }))).Summary;

    public static async Task<IngestSummary> PushTrainingPaymentsAsync(GrpcChannel channel, params IEnumerable<TrainingSubsidyPaymentRecord>[] batches) =>
        (await SendAsync(new SkillCertificationFeedService.SkillCertificationFeedServiceClient(channel).PushTrainingSubsidyPayments(deadline: Deadline()),
            batches.Select(b => new PushTrainingSubsidyPaymentsRequest { Payments = { b } }))).Summary;

    public static DateTime Deadline() => DateTime.UtcNow.AddMinutes(2);

    /// <summary>
    /// Writes every message, completes the stream and returns the reply. The hub may answer before the stream is
    /// written (a refusal: UNAUTHENTICATED, PERMISSION_DENIED); the client's write then fails on its own terms
    /// (CANCELLED, or "the call is complete") — the call's status is the hub's answer, so that is what is thrown.
    /// </summary>
    private static async Task<TResponse> SendAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, IEnumerable<TRequest> messages)
    {
        using (call)
        {
            try
            {
                foreach (var message in messages)
                {
                    await call.RequestStream.WriteAsync(message);
                }
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception ex) when (ex is RpcException or InvalidOperationException)
            {
                await call.ResponseAsync;
                throw;
            }
            return await call.ResponseAsync;
        }
    }
}

using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Feeds;

/// <summary>The skill-certification system's feed (role SKILL_CERTIFICATION): certificates and training-subsidy payments.</summary>
public sealed class SkillCertificationFeedGrpcService(FeedIngestor ingestor, SkillCertificateKind certificates, TrainingSubsidyPaymentKind payments)
    : SkillCertificationFeedService.SkillCertificationFeedServiceBase
{
    public override async Task<PushCertificatesResponse> PushCertificates(
        IAsyncStreamReader<PushCertificatesRequest> requestStream, ServerCallContext context) =>
        new() { Summary = await ingestor.IngestAsync(requestStream, r => r.Certificates, "certificates", certificates, context) };

    public override async Task<PushTrainingSubsidyPaymentsResponse> PushTrainingSubsidyPayments(
        IAsyncStreamReader<PushTrainingSubsidyPaymentsRequest> requestStream, ServerCallContext context) =>
        new() { Summary = await ingestor.IngestAsync(requestStream, r => r.Payments, "payments", payments, context) };
}

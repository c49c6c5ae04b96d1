using ExchangeHub.Cli.Remote;
using ExchangeHub.Synthetic;
using ExchangeHub.V1;
using Grpc.Net.Client;

namespace ExchangeHub.Cli.Simulate;

/// <summary>Sends one step of the simulation through the feed's own gRPC method, as the agency that owns the feed.</summary>
public sealed class StepPusher(SyntheticDataset data, IReadOnlyDictionary<FeedAgency, GrpcChannel> channels, HubSession session, int batchSize)
{
    public async Task<IngestSummary> PushAsync(SimulationStep step, Action<int> sent)
    {
        if (step.Records == 0)
        {
            // The hub refuses a stream without a batch: nothing to send is not a call.
            return new IngestSummary();
        }
        var channel = channels[FeedAgency.Of(step.Feed)];
        var ct = session.Cancellation;
        switch (step.Feed)
        {
            case SimulatedFeed.Units:
                using (var call = new MarketRegulationFeedService.MarketRegulationFeedServiceClient(channel).PushUnits(session.Call()))
                {
                    return await FeedPush.RunAsync(call, data.UnitRecords(step.Pass), b => new PushUnitsRequest { Units = { b } },
                        r => r.Summary, batchSize, sent, ct);
                }
            case SimulatedFeed.Contributions:
                using (var call = new TaxFeedService.TaxFeedServiceClient(channel).PushContributions(session.Call()))
                {
                    return await FeedPush.RunAsync(call, data.ContributionLines(step.Pass), b => new PushContributionsRequest { Lines = { b } },
                        r => r.Summary, batchSize, sent, ct);
                }
            case SimulatedFeed.Settlements:
                using (var call = new TaxFeedService.TaxFeedServiceClient(channel).PushSettlements(session.Call()))
                {
                    return await FeedPush.RunAsync(call, data.Settlements(step.Pass), b => new PushSettlementsRequest { Statuses = { b } },
                        r => r.Summary, batchSize, sent, ct);
                }
            case SimulatedFeed.TransferRequests:
                using (var call = new TransferFeedService.TransferFeedServiceClient(channel).PushTransferRequests(session.Call()))
                {
                    return await FeedPush.RunAsync(call, data.TransferRequests(), b => new PushTransferRequestsRequest { Requests = { b } },
                        r => r.Summary, batchSize, sent, ct);
                }
            case SimulatedFeed.Certificates:
                using (var call = new SkillCertificationFeedService.SkillCertificationFeedServiceClient(channel).PushCertificates(session.Call()))
                {
                    return await FeedPush.RunAsync(call, data.Certificates(), b => new PushCertificatesRequest { Certificates = { b } },
                        r => r.Summary, batchSize, sent, ct);
                }
            case SimulatedFeed.TrainingSubsidyPayments:
                using (var call = new SkillCertificationFeedService.SkillCertificationFeedServiceClient(channel).PushTrainingSubsidyPayments(session.Call()))
                {
                    return await FeedPush.RunAsync(call, data.TrainingSubsidyPayments(),
                        b => new PushTrainingSubsidyPaymentsRequest { Payments = { b } }, r => r.Summary, batchSize, sent, ct);
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Feed, "unknown feed");
        }
    }
}

using ExchangeHub.Server.Common.Retries;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Retries;

/// <summary>A reply as the client saw it: its protobuf bytes (a server stream: its last message) and whether the hub replayed it.</summary>
public sealed record RetryReply(byte[] Bytes, bool Replayed, int Messages = 1);

/// <summary>The front office's mutating calls, each with what it acts on prepared, called with a given request id.</summary>
public static class RetryCalls
{
    public static async Task<RetryReply> UnaryAsync<T>(AsyncUnaryCall<T> call)
        where T : IMessage
    {
        using (call)
        {
            var reply = await call.ResponseAsync;
            return new RetryReply(reply.ToByteArray(), Replayed(call.GetTrailers()));
        }
    }

    public static async Task<RetryReply> StreamAsync<T>(AsyncServerStreamingCall<T> call)
        where T : IMessage
    {
        using (call)
        {
            var messages = await call.ResponseStream.ReadAllAsync().ToListAsync();
            return new RetryReply(messages[^1].ToByteArray(), Replayed(call.GetTrailers()), messages.Count);
        }
    }

    /// <summary>
    /// Every method whose request has <c>request_id</c>: it prepares what the call acts on (fresh for
    /// <paramref name="n"/>) and returns the call for a request id.
    /// </summary>
    public static readonly Dictionary<string, Func<TestHub, int, Task<Func<string, Task<RetryReply>>>>> Mutating = new()
    {
        ["ConfirmRefund"] = (hub, _) => Ready(id => UnaryAsync(Refunds(hub).ConfirmRefundAsync(new ConfirmRefundRequest
        {
            Uscc = Ids.Uscc(RetryHubFixture.ToConfirm), ProgramYear = 2024, RequestId = id,
        }))),
        ["WaiveRefund"] = (hub, _) => Ready(id => UnaryAsync(Refunds(hub).WaiveRefundAsync(new WaiveRefundRequest
        {
            Uscc = Ids.Uscc(RetryHubFixture.ToWaive), ProgramYear = 2024, RequestId = id,
        }))),
        ["ApplyForRefund"] = (hub, _) => Ready(id => UnaryAsync(Refunds(hub).ApplyForRefundAsync(new ApplyForRefundRequest
        {
            Uscc = Ids.Uscc(RetryHubFixture.ToApply), ProgramYear = 2024, RequestId = id,
        }))),
        ["RunReconciliation"] = (hub, _) => Ready(id => StreamAsync(new ReconciliationService.ReconciliationServiceClient(hub.Channel(TestHub.OperatorToken))
            .RunReconciliation(new RunReconciliationRequest { DecisionDate = "2024-06-30", RequestId = id }, deadline: Infrastructure.Feeds.Deadline()))),
        ["SubmitClaim"] = (hub, n) => Ready(id => UnaryAsync(Claims(hub).SubmitClaimAsync(Claim(n, id)))),
        ["DecideClaim"] = async (hub, n) =>
        {
            var claim = await Claims(hub).SubmitClaimAsync(Claim(n, ""));
            return id => UnaryAsync(Claims(hub).DecideClaimAsync(new DecideClaimRequest { ClaimId = claim.ClaimId, DecisionDate = "2024-06-30", RequestId = id }));
        },
        ["RecalculateBenefits"] = (hub, _) => Ready(id => UnaryAsync(Claims(hub).RecalculateBenefitsAsync(new RecalculateBenefitsRequest { RequestId = id }))),
        ["AcceptTransfer"] = async (hub, n) =>
        {
            var transferId = await IncomingAsync(hub, n);
            return id => UnaryAsync(Transfers(hub).AcceptTransferAsync(new AcceptTransferRequest { TransferId = transferId, RequestId = id }));
        },
        ["RefuseTransfer"] = async (hub, n) =>
        {
            var transferId = await IncomingAsync(hub, n);
            return id => UnaryAsync(Transfers(hub).RefuseTransferAsync(new RefuseTransferRequest
            {
                TransferId = transferId, ReasonCode = TransferReasonCode.TransferPersonUnknown, RequestId = id,
            }));
        },
        ["RequestTransferOut"] = (hub, n) => Ready(id => UnaryAsync(Transfers(hub).RequestTransferOutAsync(new RequestTransferOutRequest
        {
            ResidentId = Ids.ResidentId(n), CounterpartProvinceCode = "32", ConsolidationPlace = ConsolidationPlace.LastInsured,
            MonthlyBenefitFen = 200_000, MonthsDue = 6, RequestedDate = "2024-06-03", RequestId = id,
        }))),
        ["DecideSkillSubsidies"] = async (hub, n) =>
        {
            Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(hub.Channel(TestHub.SkillToken), [Records.Certificate($"rid-cert-{n}", n)])).Rejected);
            return id => UnaryAsync(new SkillSubsidyService.SkillSubsidyServiceClient(hub.Channel(TestHub.OperatorToken))
                .DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = "2024-06-30", RequestId = id }));
        },
    };

    public static SubmitClaimRequest Claim(int person, string requestId, string applied = "2024-06-03") => new()
    {
        ResidentId = Ids.ResidentId(person), AppliedDate = applied, SeparationReason = SeparationReason.ContractExpired,
        Registration = Registration.Registered, Channels = { NotificationChannel.App }, RequestId = requestId,
    };

    public static RefundService.RefundServiceClient Refunds(TestHub hub) => new(hub.Channel(TestHub.OperatorToken));

    public static BenefitClaimService.BenefitClaimServiceClient Claims(TestHub hub, string token = TestHub.OperatorToken) => new(hub.Channel(token));

    public static TransferService.TransferServiceClient Transfers(TestHub hub) => new(hub.Channel(TestHub.OperatorToken));

    /// <summary>An incoming transfer request from the national system for person <paramref name="n"/>; its id.</summary>
    public static async Task<string> IncomingAsync(TestHub hub, int n)
    {
        var transferId = $"rid-in-{n}";
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(hub.Channel(TestHub.TransferToken), [Records.Transfer(transferId, n)])).Rejected);
        return transferId;
    }

    private static bool Replayed(Metadata trailers) => trailers.GetValue(RequestIdInterceptor.ReplayedTrailer) == "true";

    private static Task<Func<string, Task<RetryReply>>> Ready(Func<string, Task<RetryReply>> call) => Task.FromResult(call);
}

using ExchangeHub.Server.Common;
using ExchangeHub.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ExchangeHub.Server.Refunds;

/// <summary>Refund decisions and workflow steps for the front office (roles in Security/MethodRoles.cs).</summary>
public sealed class RefundGrpcService(RefundQueries queries, RefundActions actions, RefundDecisions decisions, RefundReplay replay, TimeProvider clock)
    : RefundService.RefundServiceBase
{
    public override async Task<GetRefundDecisionResponse> GetRefundDecision(GetRefundDecisionRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var found = await queries.DecisionAsync(request.Uscc, request.ProgramYear, context.CancellationToken);
        return found.Current is null
            ? throw RpcErrors.NotFound($"no refund decision for {request.Uscc} in {request.ProgramYear}", ErrorReasons.DecisionNotFound, "refund_decision", "uscc", request.Uscc)
            : new GetRefundDecisionResponse
            {
                Decision = found.Current.ToContract(), State = RefundContract.State(found.State), History = { found.Earlier.Select(d => d.ToContract()) },
            };
    }

    public override async Task<ListRefundDecisionsResponse> ListRefundDecisions(ListRefundDecisionsRequest request, ServerCallContext context)
    {
        RequestFields.ProgramYear(request.ProgramYear);
        var (page, next) = await queries.ListAsync(request.ProgramYear, request.Outcome, request.DivisionCode, RequestFields.PageSize(request.PageSize),
            request.PageToken, context.CancellationToken);
        return new ListRefundDecisionsResponse { Decisions = { page.Select(d => d.ToContract()) }, NextPageToken = next };
    }

    public override async Task<ConfirmRefundResponse> ConfirmRefund(ConfirmRefundRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var on = RequestFields.Date(request.ConfirmationDate, "confirmation_date", clock);
        var amount = await RequestFields.Guard(() => actions.ConfirmAsync(request.Uscc, request.ProgramYear, on, ExchangeCall.Of(context).Agency.Id, context.CancellationToken));
        return new ConfirmRefundResponse { State = Names.Of(RefundState.DisbursementApproved), AmountFen = amount };
    }

    public override async Task<WaiveRefundResponse> WaiveRefund(WaiveRefundRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var on = RequestFields.Date(request.WaiverDate, "waiver_date", clock);
        var until = await RequestFields.Guard(() => actions.WaiveAsync(request.Uscc, request.ProgramYear, on, ExchangeCall.Of(context).Agency.Id, context.CancellationToken));
        return new WaiveRefundResponse { State = Names.Of(RefundState.Waived), MayApplyUntil = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
    }

    public override async Task<ApplyForRefundResponse> ApplyForRefund(ApplyForRefundRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var on = RequestFields.Date(request.ApplicationDate, "application_date", clock);
        var refundCase = await RequestFields.Guard(() => decisions.DecideOneAsync(request.Uscc, request.ProgramYear, on, applied: true, context.CancellationToken));
        var found = await queries.DecisionAsync(request.Uscc, request.ProgramYear, context.CancellationToken);
        return new ApplyForRefundResponse { State = Names.Of(found.State ?? refundCase.State), Decision = found.Current?.ToContract() };
    }

    public override async Task<ReplayRefundDecisionResponse> ReplayRefundDecision(ReplayRefundDecisionRequest request, ServerCallContext context)
    {
        RequestFields.DecisionId(request.DecisionId);
        var r = await replay.ReplayAsync(request.DecisionId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"no refund decision {request.DecisionId}", ErrorReasons.DecisionNotFound, "refund_decision", "decision_id", $"{request.DecisionId}");
        return new ReplayRefundDecisionResponse
        {
            Identical = r.Identical, Difference = r.Difference, DecisionId = r.DecisionId, Uscc = r.Uscc, ProgramYear = r.ProgramYear,
            DecisionDate = r.DecisionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            KnowledgeTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(r.KnowledgeTimeUnixMs)),
            StoredFactsSha256 = r.StoredFactsSha256, ReplayedFactsSha256 = r.ReplayedFactsSha256, StoredPolicy = r.StoredPolicy,
            ReplayedPolicy = r.ReplayedPolicy, StoredOutcome = r.StoredOutcome, ReplayedOutcome = r.ReplayedOutcome,
            StoredAmountFen = r.StoredAmountFen, ReplayedAmountFen = r.ReplayedAmountFen,
        };
    }
}

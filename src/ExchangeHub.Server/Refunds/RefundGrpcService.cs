using ExchangeHub.Server.Common;
using ExchangeHub.V1;
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
        var outcome = RequestFields.Declared(request.Outcome, "outcome");
        if (request.DivisionCode.Length > 0 && Common.Validation.DivisionCode.Check("division_code", request.DivisionCode) is { } fault)
        {
            throw RpcErrors.InvalidArgument("division_code is not valid", "division_code", fault.Message);
        }
        var pageSize = RequestFields.PageSize(request.PageSize);
        var after = PageTokens.Decode(request.PageToken);
        var (page, next) = await queries.ListAsync(request.ProgramYear, outcome == V1.RefundOutcome.Unspecified ? "" : EnumNames.Suffix(outcome),
            request.DivisionCode, pageSize, after, context.CancellationToken);
        return new ListRefundDecisionsResponse { Decisions = { page.Select(d => d.ToContract()) }, NextPageToken = PageTokens.Encode(next) };
    }

    public override async Task<ConfirmRefundResponse> ConfirmRefund(ConfirmRefundRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var on = RequestFields.Date(request.ConfirmationDate, "confirmation_date", clock);
        var amount = await RequestFields.Guard(() => actions.ConfirmAsync(request.Uscc, request.ProgramYear, on, ExchangeCall.Of(context).Agency.Id, context.CancellationToken));
        return new ConfirmRefundResponse { State = RefundContract.State(RefundState.DisbursementApproved), AmountFen = amount };
    }

    public override async Task<WaiveRefundResponse> WaiveRefund(WaiveRefundRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var on = RequestFields.Date(request.WaiverDate, "waiver_date", clock);
        var until = await RequestFields.Guard(() => actions.WaiveAsync(request.Uscc, request.ProgramYear, on, ExchangeCall.Of(context).Agency.Id, context.CancellationToken));
        return new WaiveRefundResponse { State = RefundContract.State(RefundState.Waived), MayApplyUntil = StoredExplanation.Date(until) };
    }

    public override async Task<ApplyForRefundResponse> ApplyForRefund(ApplyForRefundRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var on = RequestFields.Date(request.ApplicationDate, "application_date", clock);
        var refundCase = await RequestFields.Guard(() => decisions.DecideOneAsync(request.Uscc, request.ProgramYear, on, applied: true, context.CancellationToken));
        var found = await queries.DecisionAsync(request.Uscc, request.ProgramYear, context.CancellationToken);
        return new ApplyForRefundResponse { State = RefundContract.State(found.State ?? refundCase.State), Decision = found.Current?.ToContract() };
    }

    public override async Task<ReplayRefundDecisionResponse> ReplayRefundDecision(ReplayRefundDecisionRequest request, ServerCallContext context)
    {
        RequestFields.DecisionId(request.DecisionId);
        var r = await replay.ReplayAsync(request.DecisionId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"no refund decision {request.DecisionId}", ErrorReasons.DecisionNotFound, "refund_decision", "decision_id", $"{request.DecisionId}");
        return new ReplayRefundDecisionResponse { Replay = r.ToContract() };
    }
}

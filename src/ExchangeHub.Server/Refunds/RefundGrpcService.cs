using ExchangeHub.Server.Reconciliation;
using ExchangeHub.V1;
using Grpc.Core;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Refunds;

/// <summary>Refund decisions and workflow steps for the front office (roles in Security/MethodRoles.cs).</summary>
public sealed class RefundGrpcService(RefundQueries queries, RefundActions actions, ReconciliationRunner runner, TimeProvider clock)
    : RefundService.RefundServiceBase
{
    public override async Task<GetRefundDecisionResponse> GetRefundDecision(GetRefundDecisionRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var (current, state, history) = await queries.DecisionAsync(request.Uscc, request.ProgramYear, context.CancellationToken);
        return current is null
            ? throw new RpcException(new Status(StatusCode.NotFound, $"no refund decision for {request.Uscc} in {request.ProgramYear}"))
            : new GetRefundDecisionResponse { Decision = current, State = state, History = { history } };
    }

    public override async Task<ListRefundDecisionsResponse> ListRefundDecisions(ListRefundDecisionsRequest request, ServerCallContext context)
    {
        RequestFields.ProgramYear(request.ProgramYear);
        var (page, next) = await queries.ListAsync(request.ProgramYear, request.Outcome, request.DivisionCode, RequestFields.PageSize(request.PageSize),
            request.PageToken, context.CancellationToken);
        return new ListRefundDecisionsResponse { Decisions = { page }, NextPageToken = next };
    }

    public override async Task<ConfirmRefundResponse> ConfirmRefund(ConfirmRefundRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var amount = await RequestFields.Guard(() => actions.ConfirmAsync(request.Uscc, request.ProgramYear, ExchangeCall.Of(context).Agency.Id, context.CancellationToken));
        return new ConfirmRefundResponse { State = Names.Of(RefundState.DisbursementApproved), AmountFen = amount };
    }

    public override async Task<WaiveRefundResponse> WaiveRefund(WaiveRefundRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var until = await RequestFields.Guard(() => actions.WaiveAsync(request.Uscc, request.ProgramYear, ExchangeCall.Of(context).Agency.Id, context.CancellationToken));
        return new WaiveRefundResponse { State = Names.Of(RefundState.Waived), MayApplyUntil = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
    }

    public override async Task<ApplyForRefundResponse> ApplyForRefund(ApplyForRefundRequest request, ServerCallContext context)
    {
        RequestFields.Uscc(request.Uscc);
        RequestFields.ProgramYear(request.ProgramYear);
        var today = RequestFields.Date("", "today", clock);
        var refundCase = await RequestFields.Guard(async () =>
        {
            if (runner.ProgramYearAt(today) != request.ProgramYear)
            {
                throw new ActionRefusedException($"the {request.ProgramYear} refund programme is not open on {today:yyyy-MM-dd}; applications close when it ends");
            }
            return await runner.DecideOneAsync(request.Uscc, today, applied: true, ExchangeCall.Of(context).Agency.Id, context.CancellationToken);
        });
        var (current, state, _) = await queries.DecisionAsync(request.Uscc, request.ProgramYear, context.CancellationToken);
        return new ApplyForRefundResponse { State = state.Length > 0 ? state : Names.Of(refundCase.State), Decision = current };
    }
}

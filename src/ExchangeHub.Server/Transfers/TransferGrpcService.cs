using ExchangeHub.Server.Common.Validation;
using ExchangeHub.V1;
using Grpc.Core;
using ExchangeHub.Server.Common;
using ExchangeHub.Policy;

namespace ExchangeHub.Server.Transfers;

/// <summary>The transfer workflow over gRPC (roles in Security/MethodRoles.cs).</summary>
public sealed class TransferGrpcService(TransferWorkflow workflow, TransferQueries queries, TransferReplay replay, TimeProvider clock)
    : TransferService.TransferServiceBase
{
    /// <summary>The highest monthly benefit accepted (100,000 yuan).</summary>
    public const long MaxMonthlyBenefitFen = 10_000_000;

    private const int WatchPageSize = 500;
    private static readonly TimeSpan WatchPollInterval = TimeSpan.FromSeconds(1);

    public override async Task<AcceptTransferResponse> AcceptTransfer(AcceptTransferRequest request, ServerCallContext context)
    {
        CheckTransferId(request.TransferId);
        var date = RequestFields.Date(request.DecisionDate, "decision_date", clock);
        var transfer = await Run(request.TransferId, () => workflow.AcceptAsync(request.TransferId, date, context.CancellationToken));
        ExchangeCall.Of(context).Accepted = 1;
        return new AcceptTransferResponse { Transfer = TransferRecords.ToContract(transfer) };
    }

    public override async Task<RefuseTransferResponse> RefuseTransfer(RefuseTransferRequest request, ServerCallContext context)
    {
        CheckTransferId(request.TransferId);
        var reason = Reason(request.ReasonCode);
        var date = RequestFields.Date(request.DecisionDate, "decision_date", clock);
        var transfer = await Run(request.TransferId, () => workflow.RefuseAsync(request.TransferId, reason, date, context.CancellationToken));
        ExchangeCall.Of(context).Accepted = 1;
        return new RefuseTransferResponse { Transfer = TransferRecords.ToContract(transfer) };
    }

    public override async Task<RequestTransferOutResponse> RequestTransferOut(RequestTransferOutRequest request, ServerCallContext context)
    {
        if (request.TransferId.Length > 0)
        {
            CheckTransferId(request.TransferId);
            if (request.ResidentId.Length > 0 || request.CounterpartProvinceCode.Length > 0 || request.ConsolidationPlace != ConsolidationPlace.Unspecified
                || request.RequestedDate.Length > 0)
            {
                throw RpcErrors.InvalidArgument("transfer_id comes with its own person and place", "transfer_id",
                    "with transfer_id, leave resident_id, counterpart_province_code, consolidation_place and requested_date empty");
            }
            CheckAmounts(request);
            var fromFeed = await Run(request.TransferId, () => workflow.RequestOutFromFeedAsync(request.TransferId, request.MonthlyBenefitFen, request.MonthsDue,
                context.CancellationToken));
            ExchangeCall.Of(context).Accepted = 1;
            return new RequestTransferOutResponse { Transfer = TransferRecords.ToContract(fromFeed) };
        }
        var today = clock.ChinaToday();
        if (ResidentId.Check("resident_id", request.ResidentId, today) is { } idFault)
        {
            throw RpcErrors.InvalidArgument("resident_id is not valid", "resident_id", idFault.Message);
        }
        if (ProvinceCode.Check("counterpart_province_code", request.CounterpartProvinceCode) is { } provinceFault)
        {
            throw RpcErrors.InvalidArgument("counterpart_province_code is not valid", "counterpart_province_code", provinceFault.Message);
        }
        var place = request.ConsolidationPlace switch
        {
            ConsolidationPlace.LastInsured => TransferCodes.LastInsured,
            ConsolidationPlace.HouseholdRegistration => TransferCodes.HouseholdRegistration,
            _ => throw RpcErrors.InvalidArgument("consolidation_place is not valid", "consolidation_place",
                $"LAST_INSURED or HOUSEHOLD_REGISTRATION, not {(int)request.ConsolidationPlace}"),
        };
        CheckAmounts(request);
        var requestedOn = RequestFields.Date(request.RequestedDate, "requested_date", clock);
        var transfer = await workflow.RequestOutAsync(request.ResidentId, request.CounterpartProvinceCode, place, request.MonthlyBenefitFen,
            request.MonthsDue, requestedOn, context.CancellationToken);
        ExchangeCall.Of(context).Accepted = 1;
        return new RequestTransferOutResponse { Transfer = TransferRecords.ToContract(transfer) };
    }

    public override async Task<UpdateTransferStatusResponse> UpdateTransferStatus(IAsyncStreamReader<UpdateTransferStatusRequest> requestStream,
        ServerCallContext context)
    {
        var response = new UpdateTransferStatusResponse();
        await foreach (var update in requestStream.ReadAllAsync(context.CancellationToken))
        {
            CheckTransferId(update.TransferId);
            var status = TransferRecords.ReportedStatus(update.Status)
                ?? throw RpcErrors.InvalidArgument("status is not valid", "status", $"SENT, RECEIVED, COMPLETED or REFUSED, not {(int)update.Status}");
            string? reason = null;
            if (status == TransferCaseStatus.Refused)
            {
                reason = Reason(update.ReasonCode);
            }
            else if (update.ReasonCode != TransferReasonCode.Unspecified)
            {
                throw RpcErrors.InvalidArgument("reason_code is not allowed", "reason_code", "a reason code goes only with REFUSED");
            }
            var statusDate = RequestFields.Date(update.StatusDate, "status_date", clock, required: true);
            if (await Run(update.TransferId, () => workflow.UpdateStatusAsync(update.TransferId, status, reason, statusDate, context.CancellationToken)))
            {
                response.Updated++;
            }
            else
            {
                response.Unchanged++;
            }
        }
        ExchangeCall.Of(context).Accepted = response.Updated;
        return response;
    }

    public override async Task<GetTransferResponse> GetTransfer(GetTransferRequest request, ServerCallContext context)
    {
        CheckTransferId(request.TransferId);
        var transfer = await queries.GetAsync(request.TransferId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"no transfer {request.TransferId}", ErrorReasons.TransferNotFound, "transfer", "transfer_id", request.TransferId);
        return new GetTransferResponse { Transfer = TransferRecords.ToContract(transfer) };
    }

    public override async Task<ReplayTransferDecisionResponse> ReplayTransferDecision(ReplayTransferDecisionRequest request, ServerCallContext context)
    {
        CheckTransferId(request.TransferId);
        var replayed = await replay.ReplayAsync(request.TransferId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"no transfer {request.TransferId}", ErrorReasons.TransferNotFound, "transfer", "transfer_id", request.TransferId);
        return new ReplayTransferDecisionResponse { Replay = replayed.ToContract() };
    }

    public override async Task ReplayTransferDecisions(ReplayTransferDecisionsRequest request,
        IServerStreamWriter<ReplayTransferDecisionsResponse> responseStream, ServerCallContext context) =>
        await ReplayStreams.WriteAsync(await replay.AllAsync(RequestFields.Year(request.Year), context.CancellationToken), replay.ReplayAsync,
            responseStream, (r, total) => new ReplayTransferDecisionsResponse { Replay = r, Total = total }, context);

    public override async Task WatchTransferUpdates(WatchTransferUpdatesRequest request, IServerStreamWriter<WatchTransferUpdatesResponse> responseStream,
        ServerCallContext context)
    {
        if (request.AfterCursor < 0)
        {
            throw RpcErrors.InvalidArgument("after_cursor is not valid", "after_cursor", $"0 or the cursor of an update received, not {request.AfterCursor}");
        }
        var ct = context.CancellationToken;
        var cursor = request.AfterCursor;
        var sent = 0;
        try
        {
            while (true)
            {
                var updates = await queries.HubUpdatesAsync(cursor, WatchPageSize, ct);
                foreach (var update in updates)
                {
                    await responseStream.WriteAsync(TransferRecords.ToUpdate(update), ct);
                    cursor = update.Cursor;
                    sent++;
                }
                if (updates.Count == WatchPageSize)
                {
                    continue;
                }
                if (!request.Follow)
                {
                    return;
                }
                // Polled, not signalled: another replica may have made the change.
                await Task.Delay(WatchPollInterval, ct);
            }
        }
        finally
        {
            ExchangeCall.Of(context).Accepted = sent;
        }
    }

    private static void CheckAmounts(RequestTransferOutRequest request)
    {
        if (request.MonthlyBenefitFen is < 1 or > MaxMonthlyBenefitFen)
        {
            throw RpcErrors.InvalidArgument("monthly_benefit_fen is out of range", "monthly_benefit_fen",
                $"1 to {MaxMonthlyBenefitFen} fen, not {request.MonthlyBenefitFen}");
        }
        if (request.MonthsDue is < 0 or > 24)
        {
            throw RpcErrors.InvalidArgument("months_due is out of range", "months_due", $"0 to 24, not {request.MonthsDue}");
        }
    }

    /// <summary>A workflow step on <paramref name="transferId"/>: a refusal as FAILED_PRECONDITION, a missing transfer as NOT_FOUND, each with its ErrorInfo.</summary>
    private static async Task<T> Run<T>(string transferId, Func<Task<T>> step)
    {
        try
        {
            return await RequestFields.Guard(step);
        }
        catch (KeyNotFoundException ex)
        {
            throw RpcErrors.NotFound(ex.Message, ErrorReasons.TransferNotFound, "transfer", "transfer_id", transferId);
        }
    }

    private static string Reason(TransferReasonCode code) => TransferReasonCodes.Of(code)
        ?? throw RpcErrors.InvalidArgument("reason_code is not valid", "reason_code",
            $"one of {TransferReasonCodes.PersonUnknown}, {TransferReasonCodes.PeriodsOverlapUnresolved}, {TransferReasonCodes.DuplicateRequest}, "
            + $"{TransferReasonCodes.PeriodsIncomplete}, {TransferReasonCodes.ConsolidationPlaceInvalid}, not {(int)code}");

    private static void CheckTransferId(string transferId)
    {
        if (transferId.Length is 0 or > 64 || transferId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-')))
        {
            throw RpcErrors.InvalidArgument("transfer_id is not valid", "transfer_id", "1 to 64 letters, digits or . _ : -");
        }
    }
}

using ExchangeHub.Server.Common;
using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>Runs and their exceptions over gRPC (roles in Security/MethodRoles.cs).</summary>
public sealed class ReconciliationGrpcService(ReconciliationRunner runner, ReconciliationQueries queries, TimeProvider clock)
    : ReconciliationService.ReconciliationServiceBase
{
    public override async Task RunReconciliation(RunReconciliationRequest request, IServerStreamWriter<RunReconciliationResponse> responseStream,
        ServerCallContext context)
    {
        var date = RequestFields.Date(request.DecisionDate, "decision_date", clock);
        if (request.ProgramYear != 0)
        {
            RequestFields.ProgramYear(request.ProgramYear);
        }
        var call = ExchangeCall.Of(context);
        var updates = System.Threading.Channels.Channel.CreateBounded<RunProgress>(
            new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropOldest });
        var run = Task.Run(async () =>
        {
            try
            {
                return await runner.RunAsync(date, request.ProgramYear, call.Agency.Id, new Progress(updates.Writer), context.CancellationToken);
            }
            finally
            {
                updates.Writer.Complete();
            }
        });
        await foreach (var p in updates.Reader.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new RunReconciliationResponse { Progress = new V1.RunProgress { RunId = p.RunId, Done = p.Done, Total = p.Total } });
        }
        var finished = await RequestFields.Guard(() => run);
        call.Accepted = finished.Decided;
        await responseStream.WriteAsync(new RunReconciliationResponse
        {
            Run = (await queries.RunAsync(finished.Id, context.CancellationToken))?.ToContract()
                ?? throw new InvalidOperationException($"run {finished.Id} finished but is not stored"),
        });
    }

    public override async Task<GetReconciliationRunResponse> GetReconciliationRun(GetReconciliationRunRequest request, ServerCallContext context)
    {
        var run = await queries.RunAsync(request.RunId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"no reconciliation run {request.RunId}", ErrorReasons.RunNotFound, "reconciliation_run", "run_id", request.RunId);
        return new GetReconciliationRunResponse { Run = run.ToContract() };
    }

    public override async Task<ListReconciliationExceptionsResponse> ListReconciliationExceptions(ListReconciliationExceptionsRequest request,
        ServerCallContext context)
    {
        var code = RequestFields.OneOf(request.Code, "code", ExceptionCodes.All);
        var pageSize = RequestFields.PageSize(request.PageSize);
        var after = PageTokens.DecodeId(request.PageToken);
        var (page, next) = await queries.ExceptionsAsync(request.RunId, code, request.SubjectKey, pageSize, after, context.CancellationToken);
        return new ListReconciliationExceptionsResponse { Exceptions = { page.Select(x => x.ToContract()) }, NextPageToken = next };
    }

    private sealed class Progress(System.Threading.Channels.ChannelWriter<RunProgress> writer) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => writer.TryWrite(value);
    }
}

using ExchangeHub.V1;
using Grpc.Core;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Skills;

/// <summary>Skill-upgrade subsidy decisions over gRPC (roles in Security/MethodRoles.cs).</summary>
public sealed class SkillSubsidyGrpcService(SkillSubsidyRunner runner, SkillSubsidyQueries queries, SkillReplay replay, TimeProvider clock)
    : SkillSubsidyService.SkillSubsidyServiceBase
{
    public override async Task<DecideSkillSubsidiesResponse> DecideSkillSubsidies(DecideSkillSubsidiesRequest request, ServerCallContext context)
    {
        var date = RequestFields.Date(request.DecisionDate, "decision_date", clock);
        var summary = await RequestFields.Guard(() => runner.DecideAsync(date, context.CancellationToken));
        ExchangeCall.Of(context).Accepted = summary.Decided + summary.Clawbacks;
        return new DecideSkillSubsidiesResponse
        {
            CorrelationId = summary.CorrelationId, Certificates = summary.Certificates, Decided = summary.Decided, Unchanged = summary.Unchanged,
            Granted = summary.Granted, Refused = summary.Refused, Undetermined = summary.Undetermined, Clawbacks = summary.Clawbacks,
        };
    }

    public override async Task<GetSkillSubsidyDecisionsResponse> GetSkillSubsidyDecisions(GetSkillSubsidyDecisionsRequest request,
        ServerCallContext context)
    {
        if (Common.Validation.Fields.Code("certificate_number", request.CertificateNumber, 64) is { } fault)
        {
            throw RpcErrors.InvalidArgument("certificate_number is not valid", "certificate_number", fault.Message);
        }
        var (decisions, clawback) = await queries.CertificateAsync(request.CertificateNumber, context.CancellationToken);
        if (decisions.Count == 0)
        {
            throw RpcErrors.NotFound($"no skill-subsidy decision for certificate {request.CertificateNumber}", ErrorReasons.DecisionNotFound,
                "skill_subsidy_decision", "certificate_number", request.CertificateNumber);
        }
        var response = new GetSkillSubsidyDecisionsResponse { Decisions = { decisions.Select(SkillSubsidyContract.Decision) } };
        if (clawback is not null)
        {
            response.Clawback = SkillSubsidyContract.Clawback(clawback);
        }
        return response;
    }

    public override async Task<ReplaySkillDecisionResponse> ReplaySkillDecision(ReplaySkillDecisionRequest request, ServerCallContext context)
    {
        RequestFields.DecisionId(request.DecisionId);
        var replayed = await replay.ReplayAsync(request.DecisionId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"no skill-subsidy decision {request.DecisionId}", ErrorReasons.DecisionNotFound,
                "skill_subsidy_decision", "decision_id", $"{request.DecisionId}");
        return new ReplaySkillDecisionResponse { Replay = replayed.ToContract() };
    }

    public override async Task ReplaySkillDecisions(ReplaySkillDecisionsRequest request, IServerStreamWriter<ReplaySkillDecisionsResponse> responseStream,
        ServerCallContext context) =>
        await ReplayStreams.WriteAsync(await replay.CurrentAsync(RequestFields.Year(request.Year), context.CancellationToken), replay.ReplayAsync,
            responseStream, (r, total) => new ReplaySkillDecisionsResponse { Replay = r, Total = total }, context);
}

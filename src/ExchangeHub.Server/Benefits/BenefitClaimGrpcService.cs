using ExchangeHub.Policy;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Security;
using ExchangeHub.V1;
using Grpc.Core;
using PolicySeparation = ExchangeHub.Policy.Benefits.SeparationReason;
using PolicySpell = ExchangeHub.Policy.Benefits.PreviousSpell;
using Channel = ExchangeHub.Server.Storage.StoredProgrammeCodes.Channel;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Benefits;

/// <summary>Unemployment-benefit claims over gRPC (roles in Security/MethodRoles.cs).</summary>
public sealed class BenefitClaimGrpcService(BenefitClaimWorkflow workflow, BenefitClaimReader reader, BenefitClaimQueries queries, BenefitReplay replay,
    TimeProvider clock)
    : BenefitClaimService.BenefitClaimServiceBase
{
    public override async Task<SubmitClaimResponse> SubmitClaim(SubmitClaimRequest request, ServerCallContext context)
    {
        var today = workflow.Today;
        CheckResidentId(request.ResidentId, today);
        var appliedOn = RequestFields.Date(request.AppliedDate, "applied_date", clock);
        if (!Enum.IsDefined(request.SeparationReason))
        {
            throw RpcErrors.InvalidArgument("separation_reason is not valid", "separation_reason", $"unknown separation reason {(int)request.SeparationReason}");
        }
        if (!Enum.IsDefined(request.Registration))
        {
            throw RpcErrors.InvalidArgument("registration is not valid", "registration", $"unknown registration {(int)request.Registration}");
        }
        var channels = Channels(request.Channels);
        var previous = Previous(request.PreviousSpell, appliedOn);
        var separation = request.SeparationReason switch
        {
            SeparationReason.ContractExpired => PolicySeparation.ContractExpired,
            SeparationReason.TerminatedByEmployer => PolicySeparation.TerminatedByEmployer,
            SeparationReason.DismissedByEmployer => PolicySeparation.DismissedByEmployer,
            SeparationReason.ResignedForEmployerFault => PolicySeparation.ResignedForEmployerFault,
            SeparationReason.Resignation => PolicySeparation.Resignation,
            _ => (PolicySeparation?)null,
        };
        var registered = request.Registration switch
        {
            Registration.Registered => true,
            Registration.NotRegistered => false,
            _ => (bool?)null,
        };
        var claim = await workflow.SubmitAsync(request.ResidentId, appliedOn, separation, registered, channels, previous, context.CancellationToken);
        ExchangeCall.Of(context).Accepted = 1;
        return new SubmitClaimResponse
        {
            ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, DueDate = claim.DueOn is { } due ? BenefitFactsJson.Date(due) : "",
            DueDateUndetermined = claim.DueUndetermined ?? "",
        };
    }

    public override async Task<DecideClaimResponse> DecideClaim(DecideClaimRequest request, ServerCallContext context)
    {
        CheckClaimId(request.ClaimId);
        var date = RequestFields.Date(request.DecisionDate, "decision_date", clock);
        bool changed;
        try
        {
            changed = await RequestFields.Guard(async () => await workflow.DecideAsync(request.ClaimId, date, context.CancellationToken));
        }
        catch (KeyNotFoundException ex)
        {
            throw RpcErrors.NotFound(ex.Message, ErrorReasons.ClaimNotFound, "benefit_claim", "claim_id", request.ClaimId);
        }
        var claim = await reader.ClaimAsync(request.ClaimId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"no benefit claim {request.ClaimId}", ErrorReasons.ClaimNotFound, "benefit_claim", "claim_id", request.ClaimId);
        ExchangeCall.Of(context).Accepted = changed ? 1 : 0;
        return new DecideClaimResponse { Claim = BenefitClaimContract.Record(await queries.HistoryAsync(claim, workflow.Today, context.CancellationToken)), Changed = changed };
    }

    public override async Task<ReplayBenefitDecisionResponse> ReplayBenefitDecision(ReplayBenefitDecisionRequest request, ServerCallContext context)
    {
        RequestFields.DecisionId(request.DecisionId);
        var replayed = await replay.ReplayAsync(request.DecisionId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"no benefit decision {request.DecisionId}", ErrorReasons.DecisionNotFound, "benefit_decision", "decision_id", $"{request.DecisionId}");
        return new ReplayBenefitDecisionResponse { Replay = replayed.ToContract() };
    }

    public override async Task ReplayBenefitDecisions(ReplayBenefitDecisionsRequest request,
        IServerStreamWriter<ReplayBenefitDecisionsResponse> responseStream, ServerCallContext context) =>
        await ReplayStreams.WriteAsync(await replay.CurrentAsync(RequestFields.Year(request.Year), context.CancellationToken), replay.ReplayAsync,
            responseStream, (r, total) => new ReplayBenefitDecisionsResponse { Replay = r, Total = total }, context);

    public override async Task<GetClaimResponse> GetClaim(GetClaimRequest request, ServerCallContext context)
    {
        var today = workflow.Today;
        List<StoredClaim> claims;
        switch (request.KeyCase)
        {
            case GetClaimRequest.KeyOneofCase.ClaimId:
                CheckClaimId(request.ClaimId);
                claims = await reader.ClaimAsync(request.ClaimId, context.CancellationToken) is { } one ? [one] : [];
                if (claims.Count == 0)
                {
                    throw RpcErrors.NotFound($"no benefit claim {request.ClaimId}", ErrorReasons.ClaimNotFound, "benefit_claim", "claim_id", request.ClaimId);
                }
                break;
            case GetClaimRequest.KeyOneofCase.ResidentId:
                if (!ExchangeCall.Of(context).Agency.Roles.Contains(Roles.HrssOperator))
                {
                    throw new RpcException(new Status(StatusCode.PermissionDenied, "only the operator reads claims by resident id"));
                }
                CheckResidentId(request.ResidentId, today);
                claims = await reader.ClaimsOfResidentAsync(request.ResidentId, context.CancellationToken);
                break;
            default:
                throw RpcErrors.InvalidArgument("claim_id or resident_id is required", "key", "set claim_id, or resident_id (operator only)");
        }
        var response = new GetClaimResponse();
        foreach (var claim in claims)
        {
            response.Claims.Add(BenefitClaimContract.Record(await queries.HistoryAsync(claim, today, context.CancellationToken)));
        }
        return response;
    }

    public override async Task<RecalculateBenefitsResponse> RecalculateBenefits(RecalculateBenefitsRequest request, ServerCallContext context)
    {
        var on = RequestFields.Date(request.DecisionDate, "decision_date", clock);
        var (claims, recalculated, correlationId) = await workflow.RecalculateGrantedClaimsAsync(context.CancellationToken, decisionDate: on);
        ExchangeCall.Of(context).Accepted = recalculated;
        return new RecalculateBenefitsResponse { CorrelationId = correlationId, Claims = claims, Recalculated = recalculated };
    }

    private static void CheckResidentId(string residentId, DateOnly today)
    {
        if (ResidentId.Check("resident_id", residentId, today) is { } fault)
        {
            throw RpcErrors.InvalidArgument("resident_id is not valid", "resident_id", fault.Message);
        }
    }

    private static void CheckClaimId(string claimId)
    {
        if (!Guid.TryParseExact(claimId, "D", out _))
        {
            throw RpcErrors.InvalidArgument("claim_id is not valid", "claim_id", "a claim id is a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e");
        }
    }

    private static List<string> Channels(Google.Protobuf.Collections.RepeatedField<NotificationChannel> requested)
    {
        if (requested.Count == 0)
        {
            throw RpcErrors.InvalidArgument("channels is required", "channels", "at least one of APP, SMS, WECHAT, OFFICIAL_ACCOUNT, QR_CODE");
        }
        var names = new List<string>();
        foreach (var channel in requested)
        {
            var name = channel switch
            {
                NotificationChannel.App => Channel.App,
                NotificationChannel.Sms => Channel.Sms,
                NotificationChannel.Wechat => Channel.Wechat,
                NotificationChannel.OfficialAccount => Channel.OfficialAccount,
                NotificationChannel.QrCode => Channel.QrCode,
                _ => throw RpcErrors.InvalidArgument("channels is not valid", "channels", $"unknown channel {(int)channel}"),
            };
            if (names.Contains(name))
            {
                throw RpcErrors.InvalidArgument("channels is not valid", "channels", $"{name} is named twice");
            }
            names.Add(name);
        }
        return names;
    }

    private static PolicySpell? Previous(PreviousSpell? spell, DateOnly appliedOn)
    {
        if (spell is null)
        {
            return null;
        }
        if (!YearMonth.TryParse(spell.FirstBenefitMonth, out var first) || first > YearMonth.FromDate(appliedOn))
        {
            throw RpcErrors.InvalidArgument("previous_spell.first_benefit_month is not valid", "previous_spell.first_benefit_month",
                $"a month YYYY-MM not after the application, not '{spell.FirstBenefitMonth}'");
        }
        if (spell.EntitledMonths is < 1 or > 24 || spell.ReceivedMonths < 0 || spell.ReceivedMonths > spell.EntitledMonths)
        {
            throw RpcErrors.InvalidArgument("previous_spell months are not valid", "previous_spell.entitled_months",
                $"entitled 1 to 24 months and received 0 to entitled, not {spell.EntitledMonths} and {spell.ReceivedMonths}");
        }
        return new PolicySpell(first, spell.EntitledMonths, spell.ReceivedMonths);
    }
}

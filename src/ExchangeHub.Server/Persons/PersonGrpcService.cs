using ExchangeHub.Server.Audit;
using ExchangeHub.Server.Benefits;
using ExchangeHub.Server.Feeds;
using ExchangeHub.Server.Feeds.Validation;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Skills;
using ExchangeHub.Server.Transfers;
using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Persons;

/// <summary>
/// A person's file over gRPC: claims, transfers and skill subsidies in one reply (roles in Security/MethodRoles.cs).
/// The auditor names persons by key only; the resident id is the operator's, as for <c>GetClaim</c>.
/// </summary>
public sealed class PersonGrpcService(
    PersonKey personKeys,
    BenefitClaimReader claims,
    BenefitClaimQueries claimQueries,
    TransferWorkflow transfers,
    SkillSubsidyQueries skills,
    TimeProvider clock) : PersonService.PersonServiceBase
{
    public override async Task<GetPersonRecordResponse> GetPersonRecord(GetPersonRecordRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var today = ValidationContext.At(clock.GetUtcNow(), 0).Today;
        var personKey = request.PersonCase switch
        {
            GetPersonRecordRequest.PersonOneofCase.PersonKey => CheckPersonKey(request.PersonKey),
            GetPersonRecordRequest.PersonOneofCase.ResidentId => KeyOfResident(request.ResidentId, today, context),
            _ => throw FeedErrors.InvalidArgument("person_key or resident_id is required", "person", "set person_key, or resident_id (operator only)"),
        };
        var response = new GetPersonRecordResponse { PersonKey = personKey };
        foreach (var claim in await claims.ClaimsOfPersonAsync(personKey, ct))
        {
            response.Claims.Add(await claimQueries.RecordAsync(claim, today, ct));
        }
        response.Transfers.Add((await transfers.OfPersonAsync(personKey, ct)).Select(TransferRecords.ToContract));
        var (decisions, clawbacks) = await skills.PersonAsync(personKey, ct);
        response.SkillSubsidies.Add(decisions);
        response.Clawbacks.Add(clawbacks);
        ExchangeCall.Of(context).Accepted = response.Claims.Count + response.Transfers.Count + response.SkillSubsidies.Count;
        return response;
    }

    private static string CheckPersonKey(string personKey)
    {
        if (personKey.Length != 32 || !personKey.All(char.IsAsciiHexDigitLower))
        {
            throw FeedErrors.InvalidArgument("person_key is not valid", "person_key", "32 lowercase hexadecimal characters, as events name persons");
        }
        return personKey;
    }

    private string KeyOfResident(string residentId, DateOnly today, ServerCallContext context)
    {
        if (!ExchangeCall.Of(context).Agency.Roles.Contains(Roles.HrssOperator))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "only the operator reads a person by resident id; use person_key"));
        }
        if (ResidentId.Check("resident_id", residentId, today) is { } fault)
        {
            throw FeedErrors.InvalidArgument("resident_id is not valid", "resident_id", fault.Message);
        }
        return personKeys.Of(residentId);
    }
}

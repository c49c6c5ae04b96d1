using ExchangeHub.Policy;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Security;
using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Persons;

/// <summary>
/// A person's file over gRPC: claims, transfers and skill subsidies in one reply (roles in Security/MethodRoles.cs).
/// The auditor names persons by key only; the resident id is the operator's, as for <c>GetClaim</c>.
/// </summary>
public sealed class PersonGrpcService(
    PersonKey personKeys,
    IEnumerable<IPersonFileSection> sections,
    TimeProvider clock) : PersonService.PersonServiceBase
{
    public override async Task<GetPersonRecordResponse> GetPersonRecord(GetPersonRecordRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var today = clock.ChinaToday();
        var personKey = request.PersonCase switch
        {
            GetPersonRecordRequest.PersonOneofCase.PersonKey => CheckPersonKey(request.PersonKey),
            GetPersonRecordRequest.PersonOneofCase.ResidentId => KeyOfResident(request.ResidentId, today, context),
            _ => throw RpcErrors.InvalidArgument("person_key or resident_id is required", "person", "set person_key, or resident_id (operator only)"),
        };
        var response = new GetPersonRecordResponse { PersonKey = personKey };
        var records = 0;
        foreach (var section in sections)
        {
            records += await section.AddToAsync(personKey, today, response, ct);
        }
        ExchangeCall.Of(context).Accepted = records;
        return response;
    }

    private static string CheckPersonKey(string personKey)
    {
        if (personKey.Length != 32 || !personKey.All(char.IsAsciiHexDigitLower))
        {
            throw RpcErrors.InvalidArgument("person_key is not valid", "person_key", "32 lowercase hexadecimal characters, as events name persons");
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
            throw RpcErrors.InvalidArgument("resident_id is not valid", "resident_id", fault.Message);
        }
        return personKeys.Of(residentId);
    }
}

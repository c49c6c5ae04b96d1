using System.Text;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Loading;
using ExchangeHub.Server.Common;
using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.WhatIf;

/// <summary>What-if over gRPC (roles in Security/MethodRoles.cs: those that may run reconciliation).</summary>
public sealed class WhatIfGrpcService(WhatIfRunner runner, TimeProvider clock) : WhatIfService.WhatIfServiceBase
{
    /// <summary>The variant file's limit: the repository's file is ~30 KiB, so 1 MiB is ample and bounds the parse.</summary>
    public const int MaxPolicyBytes = 1024 * 1024;

    public const int DefaultChanged = 1000, MaxChanged = 10_000;

    public override async Task RunWhatIf(RunWhatIfRequest request, IServerStreamWriter<RunWhatIfResponse> responseStream, ServerCallContext context)
    {
        var variant = Variant(request.PolicyJson);
        var date = RequestFields.Date(request.DecisionDate, "decision_date", clock);
        var maxChanged = MaxChangedSubjects(request.MaxChangedSubjects);
        var totals = await RequestFields.Guard(() => runner.RunAsync(variant, date, maxChanged,
            change => responseStream.WriteAsync(new RunWhatIfResponse { ChangedSubject = change.ToContract() }),
            (done, total) => responseStream.WriteAsync(new RunWhatIfResponse { Progress = new WhatIfProgress { Done = done, Total = total } }),
            context.CancellationToken));
        ExchangeCall.Of(context).Accepted = totals.Subjects;
        await responseStream.WriteAsync(new RunWhatIfResponse { Summary = totals.ToContract() });
    }

    /// <summary>The variant file, loaded by the hub's own loader: any refusal is INVALID_ARGUMENT naming policy_json with the loader's message.</summary>
    public static PolicySet Variant(string text)
    {
        if (text.Length == 0)
        {
            throw RpcErrors.InvalidArgument("policy_json is required", "policy_json", "the variant policy file's JSON text");
        }
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxPolicyBytes)
        {
            throw RpcErrors.InvalidArgument("policy_json is too large", "policy_json", $"{bytes} bytes; at most {MaxPolicyBytes} bytes of UTF-8");
        }
        try
        {
            return PolicyLoader.Parse(Encoding.UTF8.GetBytes(text));
        }
        catch (PolicyValidationException ex)
        {
            throw RpcErrors.InvalidArgument("policy_json is not a valid policy file", "policy_json", ex.Message);
        }
    }

    /// <summary>AIP-158-like: 0 means the default, above the maximum is read as the maximum, negative is refused.</summary>
    public static int MaxChangedSubjects(int requested) => requested switch
    {
        < 0 => throw RpcErrors.InvalidArgument("max_changed_subjects is not valid", "max_changed_subjects", "0 (1000) or a positive count"),
        0 => DefaultChanged,
        > MaxChanged => MaxChanged,
        _ => requested,
    };
}

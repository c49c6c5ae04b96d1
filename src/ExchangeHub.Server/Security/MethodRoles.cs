using System.Collections.Frozen;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Security;

/// <summary>
/// Which roles may call which method. A method missing here is refused to everyone (secure default): adding an RPC
/// means adding its line here, and a test checks every method of every service has one.
/// </summary>
public static class MethodRoles
{
    private static readonly FrozenDictionary<string, string[]> Table = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Full(TaxFeedService.Descriptor.FullName, "PushContributions")] = [Roles.TaxBureau],
        [Full(TaxFeedService.Descriptor.FullName, "PushSettlements")] = [Roles.TaxBureau],
        [Full(MarketRegulationFeedService.Descriptor.FullName, "PushUnits")] = [Roles.MarketRegulation],
        [Full(TransferFeedService.Descriptor.FullName, "PushTransferRequests")] = [Roles.TransferSystem],
        [Full(SkillCertificationFeedService.Descriptor.FullName, "PushCertificates")] = [Roles.SkillCertification],
        [Full(SkillCertificationFeedService.Descriptor.FullName, "PushTrainingSubsidyPayments")] = [Roles.SkillCertification],
        [Full(ReconciliationService.Descriptor.FullName, "RunReconciliation")] = [Roles.HrssOperator],
        [Full(ReconciliationService.Descriptor.FullName, "GetReconciliationRun")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(ReconciliationService.Descriptor.FullName, "ListReconciliationExceptions")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(RefundService.Descriptor.FullName, "GetRefundDecision")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(RefundService.Descriptor.FullName, "ListRefundDecisions")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(RefundService.Descriptor.FullName, "ConfirmRefund")] = [Roles.HrssOperator],
        [Full(RefundService.Descriptor.FullName, "WaiveRefund")] = [Roles.HrssOperator],
        [Full(RefundService.Descriptor.FullName, "ApplyForRefund")] = [Roles.HrssOperator],
        [Full(RefundService.Descriptor.FullName, "ReplayRefundDecision")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(SkillSubsidyService.Descriptor.FullName, "DecideSkillSubsidies")] = [Roles.HrssOperator],
        [Full(SkillSubsidyService.Descriptor.FullName, "GetSkillSubsidyDecisions")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(SkillSubsidyService.Descriptor.FullName, "ReplaySkillDecision")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(SkillSubsidyService.Descriptor.FullName, "ReplaySkillDecisions")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(BenefitClaimService.Descriptor.FullName, "SubmitClaim")] = [Roles.HrssOperator],
        [Full(BenefitClaimService.Descriptor.FullName, "DecideClaim")] = [Roles.HrssOperator],
        [Full(BenefitClaimService.Descriptor.FullName, "GetClaim")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(BenefitClaimService.Descriptor.FullName, "RecalculateBenefits")] = [Roles.HrssOperator],
        [Full(BenefitClaimService.Descriptor.FullName, "ReplayBenefitDecision")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(BenefitClaimService.Descriptor.FullName, "ReplayBenefitDecisions")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(TransferService.Descriptor.FullName, "AcceptTransfer")] = [Roles.HrssOperator],
        [Full(TransferService.Descriptor.FullName, "RefuseTransfer")] = [Roles.HrssOperator],
        [Full(TransferService.Descriptor.FullName, "RequestTransferOut")] = [Roles.HrssOperator],
        [Full(TransferService.Descriptor.FullName, "UpdateTransferStatus")] = [Roles.TransferSystem],
        [Full(TransferService.Descriptor.FullName, "GetTransfer")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(TransferService.Descriptor.FullName, "ReplayTransferDecision")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(TransferService.Descriptor.FullName, "ReplayTransferDecisions")] = [Roles.HrssOperator, Roles.Auditor],
        [Full(TransferService.Descriptor.FullName, "WatchTransferUpdates")] = [Roles.TransferSystem],
        // What-if: the role that may run reconciliation (it decides the whole population, under a file the caller brings).
        [Full(WhatIfService.Descriptor.FullName, "RunWhatIf")] = [Roles.HrssOperator],
        // The Merkle log's checkpoints and proofs: every agency checks its own receipts (nothing of a person in them).
        [Full(AuditService.Descriptor.FullName, "GetCheckpoint")] = [.. Roles.All],
        [Full(AuditService.Descriptor.FullName, "GetPublicKey")] = [.. Roles.All],
        [Full(AuditService.Descriptor.FullName, "GetInclusionProof")] = [.. Roles.All],
        [Full(AuditService.Descriptor.FullName, "GetConsistencyProof")] = [.. Roles.All],
        // By resident id: the operator only (checked in the service).
        [Full(PersonService.Descriptor.FullName, "GetPersonRecord")] = [Roles.HrssOperator, Roles.Auditor],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Standard services any caller may use so that ordinary gRPC tools work: health and reflection.</summary>
    private static readonly string[] AnonymousPrefixes = ["/grpc.health.v1.Health/", "/grpc.reflection.v1alpha.ServerReflection/", "/grpc.reflection.v1.ServerReflection/"];

    public static IEnumerable<string> Methods => Table.Keys;

    public static bool IsAnonymous(string method) =>
        AnonymousPrefixes.Any(prefix => method.StartsWith(prefix, StringComparison.Ordinal));

    public static IReadOnlyList<string> Allowed(string method) => Table.TryGetValue(method, out var roles) ? roles : [];

    private static string Full(string service, string method) => $"/{service}/{method}";
}

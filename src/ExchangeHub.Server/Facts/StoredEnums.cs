using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.Skills;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// Stored codes (<see cref="StoredCode"/>) → the policy engine's enums, one explicit arm per code: the policy's
/// numbering is its own (it starts at 0 and may be reordered), so nothing here is computed from a number. A code with
/// no arm was never written by the feeds: it throws rather than decide on a guess.
/// </summary>
public static class StoredEnums
{
    public static OrganisationType OrganisationType(int stored) => stored switch
    {
        StoredOrganisationType.Enterprise => Policy.Refunds.OrganisationType.Enterprise,
        StoredOrganisationType.SocialOrganisation => Policy.Refunds.OrganisationType.SocialOrganisation,
        StoredOrganisationType.Foundation => Policy.Refunds.OrganisationType.Foundation,
        StoredOrganisationType.SocialServiceOrganisation => Policy.Refunds.OrganisationType.SocialServiceOrganisation,
        StoredOrganisationType.LawFirm => Policy.Refunds.OrganisationType.LawFirm,
        StoredOrganisationType.AccountingFirm => Policy.Refunds.OrganisationType.AccountingFirm,
        StoredOrganisationType.IndividualBusiness => Policy.Refunds.OrganisationType.IndividualBusiness,
        StoredOrganisationType.GovernmentBody => Policy.Refunds.OrganisationType.GovernmentBody,
        StoredOrganisationType.PublicInstitution => Policy.Refunds.OrganisationType.PublicInstitution,
        _ => throw Unknown<OrganisationType>(stored),
    };

    public static RegistrationStatus RegistrationStatus(int stored) => stored switch
    {
        StoredRegistrationStatus.Active => Policy.Refunds.RegistrationStatus.Active,
        StoredRegistrationStatus.Deregistered => Policy.Refunds.RegistrationStatus.Deregistered,
        StoredRegistrationStatus.Revoked => Policy.Refunds.RegistrationStatus.Revoked,
        _ => throw Unknown<RegistrationStatus>(stored),
    };

    /// <summary>Null: market regulation has not classified the unit yet, a missing fact ("FACTS").</summary>
    public static SizeClass? SizeClass(int stored) => stored switch
    {
        StoredSizeClass.NotClassified => null,
        StoredSizeClass.Large => Policy.SizeClass.Large,
        StoredSizeClass.Medium => Policy.SizeClass.Medium,
        StoredSizeClass.Small => Policy.SizeClass.Small,
        StoredSizeClass.Micro => Policy.SizeClass.Micro,
        _ => throw Unknown<SizeClass>(stored),
    };

    /// <summary>Null with an unclassified unit.</summary>
    public static SizeClassSource? SizeClassSource(int stored) => stored switch
    {
        StoredSizeClassSource.NotClassified => null,
        StoredSizeClassSource.Provisional => Policy.Refunds.SizeClassSource.Provisional,
        StoredSizeClassSource.Official => Policy.Refunds.SizeClassSource.Official,
        _ => throw Unknown<SizeClassSource>(stored),
    };

    public static SettlementStatus SettlementStatus(int stored) => stored switch
    {
        StoredSettlementStatus.Settled => Policy.Refunds.SettlementStatus.Settled,
        StoredSettlementStatus.Arrears => Policy.Refunds.SettlementStatus.Arrears,
        StoredSettlementStatus.Deferred => Policy.Refunds.SettlementStatus.Deferred,
        _ => throw Unknown<SettlementStatus>(stored),
    };

    /// <summary>training_subsidy_payments.recipient_kind (note the policy lists Person first, the contract Unit).</summary>
    public static RecipientKind RecipientKind(int stored) => stored switch
    {
        StoredRecipientKind.Unit => Policy.Skills.RecipientKind.Unit,
        StoredRecipientKind.Person => Policy.Skills.RecipientKind.Person,
        _ => throw Unknown<RecipientKind>(stored),
    };

    /// <summary>benefit_claims.separation (a text code, <see cref="StoredProgrammeCodes.Separation"/>).</summary>
    public static SeparationReason Separation(string stored) => stored switch
    {
        StoredProgrammeCodes.Separation.ContractExpired => SeparationReason.ContractExpired,
        StoredProgrammeCodes.Separation.TerminatedByEmployer => SeparationReason.TerminatedByEmployer,
        StoredProgrammeCodes.Separation.DismissedByEmployer => SeparationReason.DismissedByEmployer,
        StoredProgrammeCodes.Separation.ResignedForEmployerFault => SeparationReason.ResignedForEmployerFault,
        StoredProgrammeCodes.Separation.Resignation => SeparationReason.Resignation,
        _ => throw new InvalidOperationException($"benefit_claims.separation holds '{stored}', not a code this hub knows"),
    };

    private static InvalidOperationException Unknown<T>(int stored) =>
        new($"stored {typeof(T).Name} code {stored} is not one the feeds write");
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.SizeClasses;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// A unit as one market-regulation agency reported it as of D and T (its most recently recorded record for the USCC),
/// in the policy engine's terms. <see cref="RegistrationStatus"/> is the status on D: a deregistration or revocation
/// dated after D is ACTIVE, with no <see cref="StatusDate"/> ("FACTS" valid time). <see cref="AgencyId"/> and
/// <see cref="SourceRecordId"/> name the record, for an exception when agencies disagree. A null
/// <see cref="SizeClass"/> (and <see cref="SizeClassSource"/>): market regulation has not classified the unit yet.
/// </summary>
public sealed record UnitSnapshot(
    string Uscc,
    OrganisationType OrganisationType,
    RegistrationStatus RegistrationStatus,
    DateOnly? StatusDate,
    bool LabourDispatch,
    SizeClass? SizeClass,
    SizeClassSource? SizeClassSource,
    string IndustryCode,
    long? Employees,
    long? RevenueFen,
    long? TotalAssetsFen,
    string DivisionCode,
    string AgencyId = "",
    string SourceRecordId = "")
{
    /// <summary>The figures the 2017 size-class standard is applied to.</summary>
    public SizeClassFacts SizeFacts() => new(Uscc, IndustryCode, Employees is { } e ? (int)Math.Min(e, int.MaxValue) : null, RevenueFen,
        TotalAssetsFen, SizeClass);
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.SizeClasses;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// A unit as market regulation last reported it (the most recently recorded record for its USCC), in the policy
/// engine's terms. <see cref="StatusDate"/> is the deregistration or revocation date.
/// </summary>
public sealed record UnitSnapshot(
    string Uscc,
    OrganisationType OrganisationType,
    RegistrationStatus RegistrationStatus,
    DateOnly? StatusDate,
    bool LabourDispatch,
    SizeClass SizeClass,
    SizeClassSource SizeClassSource,
    string IndustryCode,
    long? Employees,
    long? RevenueFen,
    long? TotalAssetsFen,
    string DivisionCode)
{
    /// <summary>The figures the 2017 size-class standard is applied to.</summary>
    public SizeClassFacts SizeFacts() => new(Uscc, IndustryCode, Employees is { } e ? (int)Math.Min(e, int.MaxValue) : null, RevenueFen,
        TotalAssetsFen, SizeClass);
}

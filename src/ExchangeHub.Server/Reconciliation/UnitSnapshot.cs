using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Reconciliation;

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
    string DivisionCode);

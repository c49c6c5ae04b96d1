namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// What the hub knows about an insured unit for the job-retention refund (1.(2)). A null member is a missing fact: the
/// decision is then UNDETERMINED and names it, unless a known fact already makes the unit ineligible.
/// </summary>
/// <param name="Months">The unit's months up to decision time (at least the assessment year and before).</param>
/// <param name="Contributions">Sums per line kind and period year; null when the premium feed is not available.</param>
public sealed record RefundFacts(
    string Uscc,
    OrganisationType? OrganisationType,
    RegistrationStatus? RegistrationStatus,
    bool? IsLabourDispatch,
    SizeClass? SizeClass,
    SizeClassSource? SizeClassSource,
    IReadOnlyList<MonthFacts> Months,
    IReadOnlyList<ContributionSum>? Contributions);

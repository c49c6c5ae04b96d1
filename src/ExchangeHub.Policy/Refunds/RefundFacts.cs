namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// What the hub knows about an insured unit for the job-retention refund (1.(2)). A null member is a missing fact: the
/// decision is then UNDETERMINED and names it, unless a known fact already makes the unit ineligible.
/// </summary>
/// <param name="Months">The unit's months up to decision time (at least the assessment year and before).</param>
/// <param name="Contributions">Sums per line kind and period year; null when the premium feed is not available.</param>
/// <param name="HasUnitRecord">False when market regulation never reported the unit (only its premiums or settlements are
/// known): the decision is UNDETERMINED naming the unit record ("FACTS", missing is not zero).</param>
/// <param name="SourceConflicts">Unit facts two agencies report differently ("FACTS", sources): the conflicting member is
/// null here and the decision is UNDETERMINED naming it; null or empty when the sources agree.</param>
public sealed record RefundFacts(
    string Uscc,
    OrganisationType? OrganisationType,
    RegistrationStatus? RegistrationStatus,
    bool? IsLabourDispatch,
    SizeClass? SizeClass,
    SizeClassSource? SizeClassSource,
    IReadOnlyList<MonthFacts> Months,
    IReadOnlyList<ContributionSum>? Contributions,
    bool HasUnitRecord = true,
    IReadOnlyList<SourceConflict>? SourceConflicts = null);

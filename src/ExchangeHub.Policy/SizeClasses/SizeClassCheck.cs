using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.SizeClasses;

/// <summary>
/// The size class computed from the indicators, and whether the reported class agrees. A disagreement is a
/// reconciliation exception for the server, never a silent override (2.(1)).
/// </summary>
public sealed record SizeClassCheck(
    string Uscc,
    SizeClass? ComputedClass,
    SizeClass? ReportedClass,
    bool? Agrees,
    string? Industry,
    DecidingBound? DecidingBound,
    Explanation Explanation);

namespace ExchangeHub.Policy.SizeClasses;

/// <summary>
/// Size indicators from the market-regulation feed. <paramref name="IndustryCode"/>: GB/T 4754 code such as
/// <c>F5211</c>, <c>5211</c> or <c>C</c>. Money in fen. Null members are missing facts (named only when the row needs them).
/// </summary>
public sealed record SizeClassFacts(
    string Uscc,
    string? IndustryCode,
    int? Employees,
    long? RevenueFen,
    long? TotalAssetsFen,
    SizeClass? ReportedClass);

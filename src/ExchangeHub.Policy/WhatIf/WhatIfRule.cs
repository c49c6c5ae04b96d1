namespace ExchangeHub.Policy.WhatIf;

/// <summary>
/// The rule whose check differs between the baseline and the variant decision of a subject (its rule id, the notice's
/// clause, and the reason code each gave): what a reviewer of a draft reads to see why a subject's outcome or amount moved.
/// </summary>
public sealed record WhatIfRule(string RuleId, string ClauseId, string BaselineReasonCode, string VariantReasonCode);

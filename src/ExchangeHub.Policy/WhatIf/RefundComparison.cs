using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Policy.WhatIf;

/// <summary>One unit's refund decided under the baseline and the variant file, and the line that compares them.</summary>
public sealed record RefundComparison(RefundDecision Baseline, RefundDecision Variant, WhatIfLine Line);

namespace ExchangeHub.Policy.Refunds;

/// <summary>The layoff-rate formula variant, a parameter of the policy file (1.(2) REFUND_LAYOFF).</summary>
public enum LayoffFormula
{
    /// <summary>(insured in January of Y−1 − insured in December of Y−1) ÷ insured in January, floored at 0; a unit without a January line starts at its first month with lines.</summary>
    JanuaryToDecember,

    /// <summary>(highest monthly headcount in Y−1 − insured in December) ÷ that highest headcount, floored at 0.</summary>
    PeakToDecember,
}

namespace ExchangeHub.Synthetic;

/// <summary>
/// How many of a unit's January staff are gone by December (1.(2) REFUND_LAYOFF): the generator places units on
/// both sides of the threshold — 5.5% for units of more than 30 insured, 20% for 30 or fewer.
/// </summary>
public enum LayoffPlan
{
    /// <summary>Nobody leaves; the unit may take on job changers and new hires (its rate is 0).</summary>
    None,

    /// <summary>As many leave as the threshold allows: rate ≤ threshold (0 for the smallest units).</summary>
    AtThreshold,

    /// <summary>One more than the threshold allows: rate just above it.</summary>
    JustAboveThreshold,

    /// <summary>A large layoff, well above the threshold.</summary>
    Heavy,
}

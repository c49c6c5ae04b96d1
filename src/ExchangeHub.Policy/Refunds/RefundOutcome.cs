namespace ExchangeHub.Policy.Refunds;

public enum RefundOutcome
{
    Eligible,
    Ineligible,

    /// <summary>Otherwise eligible but approved deferral months are unpaid: decide again once they are settled (REFUND_DEFERRAL).</summary>
    Held,

    /// <summary>A fact is missing; <see cref="Explanations.Explanation.MissingFacts"/> names it.</summary>
    Undetermined,
}

namespace ExchangeHub.Policy.Benefits;

public enum BenefitOutcome
{
    Eligible,
    Ineligible,

    /// <summary>A fact is missing; the explanation names it.</summary>
    Undetermined,
}

namespace ExchangeHub.Policy.Benefits;

/// <summary>
/// The previous benefit spell of a person unemployed again: insured months from <see cref="FirstBenefitMonth"/> on count
/// afresh; the months entitled but not received carry over (失业保险条例 Art. 17).
/// </summary>
public sealed record PreviousSpell(YearMonth FirstBenefitMonth, int EntitledMonths, int ReceivedMonths)
{
    public int RemainingMonths => Math.Max(0, EntitledMonths - ReceivedMonths);
}

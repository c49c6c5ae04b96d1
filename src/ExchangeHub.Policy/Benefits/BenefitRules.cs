using ExchangeHub.Policy.Explanations;
using ExchangeHub.Policy.Parameters;
using static ExchangeHub.Policy.Benefits.BenefitReasonCodes;

namespace ExchangeHub.Policy.Benefits;

/// <summary>The rules of 1.(4) (失业保险条例 Art. 14, 17), each returning its explained check.</summary>
internal static class BenefitRules
{
    private const string Clause = "1.(4)";

    public static RuleCheck Insured(InsuredMonths months, PreviousSpell? previous, int minInsuredMonths, YearMonth? applicationMonth)
    {
        var inputs = Values.Of(
            ("consolidated_insured_months", Values.Text(months.Consolidated)),
            ("counted_insured_months", Values.Text(months.Counted)),
            ("overlapping_months", Values.Text(months.Overlapping)),
            ("carried_over_months", Values.Text(previous?.RemainingMonths ?? 0)),
            ("counted_before_month", applicationMonth is { } m ? m.ToString() : "none"));
        var parameters = Values.Of(("min_insured_months", Values.Text(minInsuredMonths)));
        if (months.Counted >= minInsuredMonths)
        {
            return new RuleCheck(RuleInsured, Clause, InsuredMonthsMet, true, inputs, parameters, $"{months.Counted} insured months counted");
        }

        return previous?.RemainingMonths > 0
            ? new RuleCheck(RuleInsured, Clause, RemainingFromPreviousSpell, true, inputs, parameters, $"only {months.Counted} new insured months; the previous spell's remaining months may be received")
            : new RuleCheck(RuleInsured, Clause, InsuredMonthsBelowMinimum, false, inputs, parameters, $"only {months.Counted} insured months, {minInsuredMonths} needed");
    }

    public static RuleCheck Involuntary(SeparationReason? separation)
    {
        var inputs = Values.Of(("separation", Values.Text(separation)));
        return separation switch
        {
            null => new RuleCheck(RuleInvoluntary, Clause, SeparationMissing, false, inputs, Values.None, "why the job ended is unknown", nameof(BenefitFacts.Separation)),
            SeparationReason.Resignation => new RuleCheck(RuleInvoluntary, Clause, Resignation, false, inputs, Values.None, "the person resigned"),
            _ => new RuleCheck(RuleInvoluntary, Clause, InvoluntarySeparation, true, inputs, Values.None, "the job ended not of the person's own will"),
        };
    }

    public static RuleCheck Registration(bool? registered)
    {
        var inputs = Values.Of(("registered_unemployed", Values.Text(registered)));
        return registered switch
        {
            null => new RuleCheck(RuleRegistered, Clause, RegistrationMissing, false, inputs, Values.None, "unemployment registration unknown", nameof(BenefitFacts.RegisteredUnemployed)),
            false => new RuleCheck(RuleRegistered, Clause, NotRegistered, false, inputs, Values.None, "not registered as unemployed and seeking work"),
            true => new RuleCheck(RuleRegistered, Clause, Registered, true, inputs, Values.None, "registered as unemployed and seeking work"),
        };
    }

    /// <summary>
    /// Maximum months by counted insured months, plus the previous spell's remaining months, capped; with fewer
    /// than the minimum new months only the remaining months. Months already paid elsewhere in this spell (1.(4)
    /// Decision: a completed transfer-in's benefit months paid) are deducted from the months still to pay.
    /// </summary>
    public static RuleCheck Duration(InsuredMonths months, PreviousSpell? previous, IReadOnlyList<DurationBracket> brackets, int minInsuredMonths, int cap,
        int paidElsewhere, out int maxMonths)
    {
        var byMonths = months.Counted >= minInsuredMonths ? brackets.LastOrDefault(b => b.MinInsuredMonths <= months.Counted)?.Months ?? 0 : 0;
        var carried = previous?.RemainingMonths ?? 0;
        var entitled = Math.Min(cap, byMonths + carried);
        maxMonths = Math.Max(0, entitled - paidElsewhere);
        var inputs = Values.Of(
            ("counted_insured_months", Values.Text(months.Counted)),
            ("months_by_insured_time", Values.Text(byMonths)),
            ("carried_over_months", Values.Text(carried)),
            ("months_paid_elsewhere", Values.Text(paidElsewhere)));
        var parameters = Values.Of(
            ("durations", string.Join(",", brackets.Select(b => $"{b.MinInsuredMonths}+={b.Months}"))),
            ("max_months", Values.Text(cap)));
        var reason = (byMonths, carried) switch
        {
            _ when paidElsewhere > 0 && entitled > 0 => DurationLessPaidElsewhere,
            _ when byMonths + carried > cap => DurationCapped,
            (0, > 0) => DurationRemainingOnly,
            (_, > 0) => DurationWithCarriedOver,
            _ => DurationByInsuredMonths,
        };
        var paid = paidElsewhere > 0 ? $", {paidElsewhere} already paid elsewhere" : "";
        return new RuleCheck(RuleDuration, Clause, reason, maxMonths > 0, inputs, parameters,
            $"{byMonths} + {carried} carried over, at most {cap}{paid}: {maxMonths} months");
    }

    /// <summary>
    /// 1.(4) Decision: the previous spell's entitlement is the hub's own grant where it holds one. A claim stating a
    /// previous spell that contradicts it is refused naming the field; a claim stating none leaves the months received
    /// unknown (missing, not 0). Without a grant of the hub: the claim's statement, no check.
    /// </summary>
    public static RuleCheck? PreviousSpell(PreviousSpell? stated, PreviousGrant? grant, out PreviousSpell? effective)
    {
        effective = stated;
        if (grant is null)
        {
            return null;
        }
        var inputs = Values.Of(
            ("granted_first_benefit_month", grant.FirstBenefitMonth.ToString()),
            ("granted_entitled_months", Values.Text(grant.EntitledMonths)),
            ("stated_first_benefit_month", stated is { } s ? s.FirstBenefitMonth.ToString() : "none"),
            ("stated_entitled_months", stated is { } e ? Values.Text(e.EntitledMonths) : "none"));
        if (stated is null)
        {
            // Months count afresh from the granted spell; what remains of it is unknown, so the decision is undetermined.
            effective = new PreviousSpell(grant.FirstBenefitMonth, grant.EntitledMonths, grant.EntitledMonths);
            return new RuleCheck(RulePreviousSpell, Clause, PreviousSpellReceivedMissing, false, inputs, Values.None,
                $"the hub granted a previous spell from {grant.FirstBenefitMonth}; the months received in it are unknown",
                $"{nameof(BenefitFacts.PreviousSpell)}.{nameof(Benefits.PreviousSpell.ReceivedMonths)}");
        }
        effective = new PreviousSpell(grant.FirstBenefitMonth, grant.EntitledMonths, stated.ReceivedMonths);
        var field = stated.FirstBenefitMonth != grant.FirstBenefitMonth ? "previous_spell.first_benefit_month"
            : stated.EntitledMonths != grant.EntitledMonths ? "previous_spell.entitled_months"
            : null;
        return field is null
            ? new RuleCheck(RulePreviousSpell, Clause, PreviousSpellFromGrant, true, inputs, Values.None, "the stated previous spell is the hub's own grant")
            : new RuleCheck(RulePreviousSpell, Clause, PreviousSpellContradictsGrant, false, Values.Of([.. inputs.Select(i => (i.Key, i.Value)), ("field", field)]),
                Values.None, $"{field} contradicts the hub's own grant");
    }
}

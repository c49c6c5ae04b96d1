using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Benefits.BenefitReasonCodes;

namespace ExchangeHub.Policy.Benefits;

/// <summary>
/// Decides unemployment benefit (1.(4)) and its maximum period, with the parameters in force on the decision date;
/// recalculates the period when insured months surface elsewhere after the benefit started (2.(4)).
/// </summary>
public sealed class BenefitDecider(PolicySet policy)
{
    public PolicySet Policy => policy;

    public BenefitDecision Decide(BenefitFacts facts, DateOnly decisionDate)
    {
        var parameters = policy.Benefit;
        var minimum = parameters.MinInsuredMonths.At(decisionDate)?.Value;
        var brackets = parameters.Durations.At(decisionDate)?.Value;
        var cap = parameters.MaxMonths.At(decisionDate)?.Value;
        if (minimum is null || brackets is null || cap is null)
        {
            var path = minimum is null ? parameters.MinInsuredMonths.Path : brackets is null ? parameters.Durations.Path : parameters.MaxMonths.Path;
            var missing = new RuleCheck(RuleDuration, "1.(4)", ParameterMissing, false, Values.Of(("decision_date", Values.Text(decisionDate))), Values.None, "no benefit parameter in force on the decision date", path);
            return new BenefitDecision(facts.PersonId, BenefitOutcome.Undetermined, 0, 0, 0, 0, 0, decisionDate, Explanation.For(policy, [missing]));
        }

        var spell = BenefitRules.PreviousSpell(facts.PreviousSpell, facts.HubGrant, out var previous);
        var months = InsuredMonths.Of(facts.InsuredPlaces, previous?.FirstBenefitMonth, facts.ApplicationMonth);
        RuleCheck[] checks =
        [
            BenefitRules.Insured(months, previous, minimum.Value, facts.ApplicationMonth),
            BenefitRules.Involuntary(facts.Separation),
            BenefitRules.Registration(facts.RegisteredUnemployed),
            .. spell is null ? (RuleCheck[])[] : [spell],
            BenefitRules.Duration(months, previous, brackets, minimum.Value, cap.Value, facts.MonthsPaidElsewhere, out var maxMonths),
        ];
        var outcome = Checks.Verdict(checks) switch
        {
            Verdict.Failed => BenefitOutcome.Ineligible,
            Verdict.Undetermined => BenefitOutcome.Undetermined,
            _ => BenefitOutcome.Eligible,
        };
        return new BenefitDecision(
            facts.PersonId,
            outcome,
            outcome == BenefitOutcome.Eligible ? maxMonths : 0,
            previous?.RemainingMonths ?? 0,
            months.Consolidated,
            months.Counted,
            months.Overlapping,
            decisionDate,
            Explanation.For(policy, checks));
    }

    /// <summary>2.(4): decide again on the consolidated months (same decision date) and report the change of period.</summary>
    public BenefitRecalculation Recalculate(BenefitDecision original, BenefitFacts consolidated)
    {
        var recalculated = Decide(consolidated, original.DecidedOn);
        var additional = recalculated.MaxMonths - original.MaxMonths;
        var reason = additional switch
        {
            > 0 => RecalculatedLonger,
            < 0 => RecalculatedShorter,
            _ => RecalculatedUnchanged,
        };
        var check = new RuleCheck(
            RuleRecalculation,
            "2.(4)",
            reason,
            true,
            Values.Of(
                ("original_insured_months", Values.Text(original.ConsolidatedInsuredMonths)),
                ("consolidated_insured_months", Values.Text(recalculated.ConsolidatedInsuredMonths)),
                ("original_max_months", Values.Text(original.MaxMonths)),
                ("recalculated_max_months", Values.Text(recalculated.MaxMonths))),
            Values.None,
            $"benefit period {original.MaxMonths} → {recalculated.MaxMonths} months after consolidating the transferred months");
        return new BenefitRecalculation(original, recalculated, additional, Explanation.For(policy, [check, .. recalculated.Explanation.Checks]));
    }
}

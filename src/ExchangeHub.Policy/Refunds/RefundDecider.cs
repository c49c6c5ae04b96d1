using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Refunds.RefundReasonCodes;

namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// Decides the job-retention refund (1.(2)) from a unit's facts on a given decision date. Every rule is checked and
/// explained. Precedence: a rule failing on known facts → INELIGIBLE; else a missing fact → UNDETERMINED; else unpaid
/// deferral → HELD; else ELIGIBLE with amount = rate × base, half-up. Thread-safe.
/// </summary>
public sealed class RefundDecider(PolicySet policy)
{
    private RefundTerms? _lastTerms;

    public PolicySet Policy => policy;

    public RefundDecision Decide(RefundFacts facts, DateOnly decisionDate)
    {
        var terms = TermsAt(decisionDate);
        if (terms is null)
        {
            var closed = new RuleCheck(RuleWindow, "1.(2)", WindowClosed, false, Values.Of(("decision_date", Values.Text(decisionDate))), Values.None, "no refund programme is open on the decision date");
            return new RefundDecision(facts.Uscc, RefundOutcome.Ineligible, 0, null, null, facts.SizeClass, facts.SizeClassSource, null, decisionDate, RefundOffer.None, Explanation.For(policy, [closed]));
        }

        var months = MonthSummary.Of(facts.Months, terms.AssessmentYear);
        var deferral = EligibilityRules.Deferral(months);
        var baseCheck = AmountRules.Base(facts, terms, out var refundBase);
        var amountCheck = AmountRules.Amount(facts, terms, refundBase, out var rate, out var amount);
        RuleCheck[] checks =
        [
            new(RuleWindow, "1.(2)", WindowOpen, true, Values.Of(("decision_date", Values.Text(decisionDate))), terms.WindowParameters, $"refund programme {terms.ProgramYear} is open"),
            EligibilityRules.OrganisationType(facts, terms),
            EligibilityRules.Registration(facts),
            EligibilityRules.PaidMonths(months, terms),
            EligibilityRules.Arrears(months),
            LayoffRule.Check(months, terms),
            deferral,
            baseCheck,
            amountCheck,
        ];
        if (EligibilityRules.UnitSources(facts) is { } sources)
        {
            checks = [.. checks, sources];
        }

        var outcome = Checks.Verdict(checks.Where(c => c.RuleId != RuleDeferral)) switch
        {
            Verdict.Failed => RefundOutcome.Ineligible,
            Verdict.Undetermined => RefundOutcome.Undetermined,
            _ when deferral.Failed => RefundOutcome.Held,
            _ => RefundOutcome.Eligible,
        };
        var offer = outcome != RefundOutcome.Eligible ? RefundOffer.None
            : facts.IsLabourDispatch == false ? RefundOffer.Automatic
            : RefundOffer.OnApplication;
        return new RefundDecision(
            facts.Uscc,
            outcome,
            outcome == RefundOutcome.Eligible ? amount!.Value : 0,
            rate,
            refundBase?.BaseFen,
            facts.SizeClass,
            facts.SizeClassSource,
            terms.ProgramYear,
            decisionDate,
            offer,
            Explanation.For(policy, checks));
    }

    /// <summary>
    /// The decision of a unit whose rules could not be computed (<paramref name="error"/>: what went wrong, e.g. the
    /// exception's type): UNDETERMINED with <see cref="DecisionFailed"/> — never a guess, never a failed run (issue 13).
    /// </summary>
    public RefundDecision Failed(RefundFacts facts, DateOnly decisionDate, string error)
    {
        var check = new RuleCheck(RuleDecision, "1.(2)", DecisionFailed, false,
            Values.Of(("decision_date", Values.Text(decisionDate)), ("error", error)), Values.None,
            $"the decision could not be computed ({error}); the unit is decided again in the next run", DecisionFact);
        return new RefundDecision(facts.Uscc, RefundOutcome.Undetermined, 0, null, null, facts.SizeClass, facts.SizeClassSource,
            TermsAt(decisionDate)?.ProgramYear, decisionDate, RefundOffer.None, Explanation.For(policy, [check]));
    }

    private RefundTerms? TermsAt(DateOnly date)
    {
        var last = _lastTerms;
        if (last?.Date == date)
        {
            return last;
        }

        var terms = RefundTerms.Resolve(policy.Refund, date);
        _lastTerms = terms;
        return terms;
    }
}

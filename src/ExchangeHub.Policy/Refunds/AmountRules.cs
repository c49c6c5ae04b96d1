using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Refunds.RefundReasonCodes;

namespace ExchangeHub.Policy.Refunds;

/// <summary>The base (2.(1) item 2 exclusions) and the amount, rate × base by size class (1.(2) REFUND_AMOUNT).</summary>
internal static class AmountRules
{
    public static RuleCheck Base(RefundFacts facts, RefundTerms terms, out RefundBase? refundBase)
    {
        refundBase = null;
        if (facts.Contributions is null)
        {
            return new RuleCheck(RuleBase, "2.(1)", BaseMissing, false, Values.None, terms.BaseParameters, "premiums received are unknown", nameof(RefundFacts.Contributions));
        }

        refundBase = RefundBase.Of(facts.Contributions, terms.AssessmentYear);
        var inputs = Values.Of(
            ("base_fen", Values.Text(refundBase.BaseFen)),
            ("excluded_late_fees_fen", Values.Text(refundBase.ExcludedLateFeesFen)),
            ("excluded_other_years_fen", Values.Text(refundBase.ExcludedOtherYearsFen)));
        var excluded = refundBase.ExcludedLateFeesFen != 0 || refundBase.ExcludedOtherYearsFen != 0;
        return excluded
            ? new RuleCheck(RuleBase, "2.(1)", BaseExclusionsApplied, true, inputs, terms.BaseParameters, $"late fees and back payments for years other than {terms.AssessmentYear} excluded from the base")
            : new RuleCheck(RuleBase, "2.(1)", BaseAssessmentYearOnly, true, inputs, terms.BaseParameters, $"base is the premiums for {terms.AssessmentYear}");
    }

    public static RuleCheck Amount(RefundFacts facts, RefundTerms terms, RefundBase? refundBase, out decimal? rate, out long? amount)
    {
        rate = null;
        amount = null;
        var inputs = Values.Of(
            ("size_class", Values.Text(facts.SizeClass)),
            ("size_class_source", Values.Text(facts.SizeClassSource)),
            ("base_fen", refundBase is null ? "missing" : Values.Text(refundBase.BaseFen)));
        if (facts.SizeClass is not { } sizeClass)
        {
            return new RuleCheck(RuleAmount, "1.(2)", AmountSizeClassMissing, false, inputs, Values.None, "size class unknown", nameof(RefundFacts.SizeClass));
        }

        rate = terms.Rates[sizeClass];
        var parameters = terms.AmountParameters[sizeClass];
        if (refundBase is null)
        {
            return new RuleCheck(RuleAmount, "1.(2)", BaseMissing, false, inputs, parameters, "base unknown", nameof(RefundFacts.Contributions));
        }

        amount = Money.ApplyRate(refundBase.BaseFen, rate.Value);
        return new RuleCheck(RuleAmount, "1.(2)", AmountRateBySizeClass, true, inputs, parameters, $"{Values.Text(rate.Value)} × {Values.Text(refundBase.BaseFen)} fen = {Values.Text(amount.Value)} fen, half-up");
    }
}

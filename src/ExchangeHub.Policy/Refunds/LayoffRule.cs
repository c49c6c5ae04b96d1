using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Refunds.RefundReasonCodes;

namespace ExchangeHub.Policy.Refunds;

/// <summary>1.(2) REFUND_LAYOFF: no layoff, or a layoff rate not above the target; small units may instead stay within their cap.</summary>
internal static class LayoffRule
{
    private const string Clause = "1.(2)";

    public static RuleCheck Check(MonthSummary months, RefundTerms terms)
    {
        var parameters = terms.LayoffParameters;
        if (LayoffFigures.Compute(months.Headcount, terms.AssessmentYear, terms.LayoffFormula) is not { } figures)
        {
            return new RuleCheck(RuleLayoff, Clause, NoInsuredInAssessmentYear, false, Values.None, parameters, $"nobody insured in any month of {terms.AssessmentYear}");
        }

        if (months.Missing.Count > 0)
        {
            return MonthDataMissingCheck(RuleLayoff, months, parameters, "the layoff rate cannot be computed");
        }

        var inputs = Values.Of(
            ("start_month", figures.StartMonth.ToString()),
            ("start_headcount", Values.Text(figures.Start)),
            ("december_headcount", Values.Text(figures.December)),
            ("laid_off", Values.Text(figures.LaidOff)),
            ("layoff_rate", Values.Text(figures.Rate)));
        var smallUnit = figures.Start <= terms.SmallUnitThreshold;
        if (figures.LaidOff == 0)
        {
            return new RuleCheck(RuleLayoff, Clause, NoLayoff, true, inputs, parameters, "no layoff in the assessment year");
        }

        if (figures.IsWithin(terms.UnemploymentTarget))
        {
            return new RuleCheck(RuleLayoff, Clause, LayoffRateWithinTarget, true, inputs, parameters, "layoff rate not above the unemployment control target");
        }

        if (smallUnit && figures.IsWithin(terms.SmallUnitLayoffCap))
        {
            return new RuleCheck(RuleLayoff, Clause, LayoffRateWithinSmallUnitCap, true, inputs, parameters, "small unit: layoff rate not above its cap");
        }

        return smallUnit
            ? new RuleCheck(RuleLayoff, Clause, LayoffRateAboveSmallUnitCap, false, inputs, parameters, "small unit: layoff rate above the target and above its cap")
            : new RuleCheck(RuleLayoff, Clause, LayoffRateAboveTarget, false, inputs, parameters, "layoff rate above the unemployment control target");
    }

    /// <summary>"FACTS": months with neither lines nor a settlement status are missing, not 0 insured: undetermined, naming them.</summary>
    public static RuleCheck MonthDataMissingCheck(string ruleId, MonthSummary months, IReadOnlyDictionary<string, string> parameters, string consequence) =>
        new(ruleId, "FACTS", MonthDataMissing, false, Values.Of(("missing_months", string.Join(",", months.Missing))), parameters,
            $"no contribution line and no settlement status for {string.Join(", ", months.Missing)}: missing, not 0 insured; {consequence}",
            string.Join(",", months.Missing.Select(m => $"Months[{m}]")));
}

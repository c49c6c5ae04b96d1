using ExchangeHub.Policy.Benefits;
using ExchangeHub.Policy.Explanations;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.Skills;

namespace ExchangeHub.Policy.WhatIf;

/// <summary>
/// Decides the same facts under two policy files (e.g. the draft and a variant with other refund rates) and reports
/// the difference: the cost estimate a draft notice needs. Pure: the caller loads both files.
/// </summary>
public static class WhatIfComparer
{
    public static WhatIfReport CompareRefunds(PolicySet baseline, PolicySet variant, IEnumerable<RefundFacts> units, DateOnly decisionDate)
    {
        var before = new RefundDecider(baseline);
        var after = new RefundDecider(variant);
        return Compare(baseline, variant, units, unit => CompareRefund(before, after, unit, decisionDate).Line);
    }

    /// <summary>
    /// One unit under both deciders (the hub's what-if streams the population through this, a chunk at a time, so it
    /// never holds a <see cref="WhatIfReport"/> of every unit): both decisions, for the caller's grouping, and the line.
    /// </summary>
    public static RefundComparison CompareRefund(RefundDecider baseline, RefundDecider variant, RefundFacts unit, DateOnly decisionDate)
    {
        return Compared(baseline.Decide(unit, decisionDate), variant.Decide(unit, decisionDate));
    }

    /// <summary>Two decisions of one unit (e.g. <see cref="RefundDecider.Failed"/> ones) as a comparison.</summary>
    public static RefundComparison Compared(RefundDecision b, RefundDecision a) =>
        new(b, a, new WhatIfLine(b.Uscc, UpperSnake.Format(b.Outcome), b.AmountFen, UpperSnake.Format(a.Outcome), a.AmountFen,
            ChangedRule(b.Explanation, a.Explanation)));

    /// <summary>
    /// The rule that moved a decision: the first check (in the decider's order) whose reason code or verdict differs;
    /// when every verdict is the same (e.g. only a rate changed), the first whose parameters or inputs differ. Null when
    /// the two explanations check the same.
    /// </summary>
    public static WhatIfRule? ChangedRule(Explanation baseline, Explanation variant)
    {
        var pairs = baseline.Checks
            .Select(b => (Baseline: b, Variant: variant.Checks.FirstOrDefault(v => v.RuleId == b.RuleId)))
            .Where(p => p.Variant is not null)
            .Select(p => (p.Baseline, Variant: p.Variant!))
            .ToList();
        var verdict = pairs.FirstOrDefault(p => p.Baseline.ReasonCode != p.Variant.ReasonCode || p.Baseline.Passed != p.Variant.Passed);
        var moved = verdict.Baseline is not null ? verdict
            : pairs.FirstOrDefault(p => !Same(p.Baseline.Parameters, p.Variant.Parameters) || !Same(p.Baseline.Inputs, p.Variant.Inputs));
        if (moved.Baseline is not null)
        {
            return new WhatIfRule(moved.Baseline.RuleId, moved.Baseline.ClauseId, moved.Baseline.ReasonCode, moved.Variant.ReasonCode);
        }
        // A rule only one side checked (e.g. the window closed under one file): the first of them.
        var only = variant.Checks.FirstOrDefault(v => baseline.Checks.All(b => b.RuleId != v.RuleId))
            ?? baseline.Checks.FirstOrDefault(b => variant.Checks.All(v => v.RuleId != b.RuleId));
        return only is null ? null : new WhatIfRule(only.RuleId, only.ClauseId,
            baseline.Checks.FirstOrDefault(b => b.RuleId == only.RuleId)?.ReasonCode ?? "",
            variant.Checks.FirstOrDefault(v => v.RuleId == only.RuleId)?.ReasonCode ?? "");
    }

    private static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public static WhatIfReport CompareSkillSubsidies(PolicySet baseline, PolicySet variant, IEnumerable<SkillSubsidyFacts> claims, DateOnly grantDate)
    {
        var before = new SkillSubsidyDecider(baseline);
        var after = new SkillSubsidyDecider(variant);
        return Compare(baseline, variant, claims, claim => SkillSubsidyLine(before.Decide(claim, grantDate), after.Decide(claim, grantDate)));
    }

    /// <summary>
    /// One certificate's two decisions as a line, subject "person key/certificate number". The hub's what-if decides
    /// itself (a grant under one file counts as a prior grant of the holder's later certificates under that file only).
    /// </summary>
    public static WhatIfLine SkillSubsidyLine(SkillSubsidyDecision b, SkillSubsidyDecision a) =>
        new($"{b.PersonId}/{b.CertificateNumber}", UpperSnake.Format(b.Outcome), b.AmountFen, UpperSnake.Format(a.Outcome), a.AmountFen,
            ChangedRule(b.Explanation, a.Explanation));

    /// <summary>
    /// Benefit claims (1.(4)) under both files; <paramref name="subjectOf"/> names each claim's line (the hub: "person
    /// key/claim id"). A benefit decision grants a period, not an amount: 0 fen on both sides, the months in the line.
    /// </summary>
    public static WhatIfReport CompareBenefits(PolicySet baseline, PolicySet variant, IEnumerable<BenefitFacts> claims, DateOnly decisionDate,
        Func<BenefitFacts, string> subjectOf)
    {
        var before = new BenefitDecider(baseline);
        var after = new BenefitDecider(variant);
        return Compare(baseline, variant, claims, claim => CompareBenefit(before, after, claim, decisionDate, subjectOf(claim)));
    }

    /// <summary>One claim under both deciders (the hub streams its pending claims through this).</summary>
    public static WhatIfLine CompareBenefit(BenefitDecider baseline, BenefitDecider variant, BenefitFacts claim, DateOnly decisionDate, string subject)
    {
        var b = baseline.Decide(claim, decisionDate);
        var a = variant.Decide(claim, decisionDate);
        return new WhatIfLine(subject, UpperSnake.Format(b.Outcome), 0, UpperSnake.Format(a.Outcome), 0, ChangedRule(b.Explanation, a.Explanation),
            b.MaxMonths, a.MaxMonths);
    }

    private static WhatIfReport Compare<TFacts>(PolicySet baseline, PolicySet variant, IEnumerable<TFacts> facts, Func<TFacts, WhatIfLine> decide)
    {
        var lines = new List<WhatIfLine>();
        long baselineTotal = 0, variantTotal = 0;
        foreach (var item in facts)
        {
            var line = decide(item);
            lines.Add(line);
            baselineTotal += line.BaselineFen;
            variantTotal += line.VariantFen;
        }

        return new WhatIfReport(baseline.Identity, variant.Identity, lines, baselineTotal, variantTotal);
    }
}

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
        return Compare(baseline, variant, claims, claim =>
        {
            var b = before.Decide(claim, grantDate);
            var a = after.Decide(claim, grantDate);
            return new WhatIfLine($"{claim.PersonId}/{claim.Certificate.Number}", UpperSnake.Format(b.Outcome), b.AmountFen, UpperSnake.Format(a.Outcome), a.AmountFen,
                ChangedRule(b.Explanation, a.Explanation));
        });
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

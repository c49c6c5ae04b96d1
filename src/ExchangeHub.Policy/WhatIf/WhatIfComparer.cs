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
        return Compare(baseline, variant, units, unit =>
        {
            var b = before.Decide(unit, decisionDate);
            var a = after.Decide(unit, decisionDate);
            return new WhatIfLine(unit.Uscc, UpperSnake.Format(b.Outcome), b.AmountFen, UpperSnake.Format(a.Outcome), a.AmountFen);
        });
    }

    public static WhatIfReport CompareSkillSubsidies(PolicySet baseline, PolicySet variant, IEnumerable<SkillSubsidyFacts> claims, DateOnly grantDate)
    {
        var before = new SkillSubsidyDecider(baseline);
        var after = new SkillSubsidyDecider(variant);
        return Compare(baseline, variant, claims, claim =>
        {
            var b = before.Decide(claim, grantDate);
            var a = after.Decide(claim, grantDate);
            return new WhatIfLine($"{claim.PersonId}/{claim.Certificate.Number}", UpperSnake.Format(b.Outcome), b.AmountFen, UpperSnake.Format(a.Outcome), a.AmountFen);
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

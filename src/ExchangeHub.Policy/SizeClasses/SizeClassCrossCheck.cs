using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Refunds.RefundReasonCodes;

namespace ExchangeHub.Policy.SizeClasses;

/// <summary>
/// Cross-checks a unit's size class per 统计上大中小微型企业划分办法 (2017), a product decision under 2.(1): large,
/// medium and small must meet all lower bounds of their row, else the unit drops one class; what is not small is micro.
/// </summary>
public sealed class SizeClassCrossCheck(PolicySet policy)
{
    private const long FenPerTenThousandYuan = 1_000_000;
    private static readonly SizeClass[] Ladder = [SizeClass.Large, SizeClass.Medium, SizeClass.Small];

    public SizeClassCheck Check(SizeClassFacts facts, DateOnly asOf)
    {
        var inputs = Values.Of(
            ("industry_code", facts.IndustryCode ?? "missing"),
            ("employees", facts.Employees is { } e ? Values.Text(e) : "missing"),
            ("revenue_fen", facts.RevenueFen is { } r ? Values.Text(r) : "missing"),
            ("total_assets_fen", facts.TotalAssetsFen is { } a ? Values.Text(a) : "missing"),
            ("reported_class", Values.Text(facts.ReportedClass)));
        if (policy.SizeClassBounds.At(asOf) is not { } table)
        {
            return Result(facts, null, null, null, new(RuleSizeClass, "2.(1)", SizeClassTableMissing, false, inputs, Values.None, "no size table in force", policy.SizeClassBounds.Path));
        }

        if (facts.IndustryCode is null)
        {
            return Result(facts, null, null, null, new(RuleSizeClass, "2.(1)", SizeClassIndicatorMissing, false, inputs, Values.None, "industry unknown", nameof(SizeClassFacts.IndustryCode)));
        }

        if (FindRow(table.Value, facts.IndustryCode) is not { } row)
        {
            return Result(facts, null, null, null, new(RuleSizeClass, "2.(1)", SizeClassIndustryNotCovered, false, inputs, Values.None, $"industry {facts.IndustryCode} is not in the size table"));
        }

        var parameters = Values.Of(
            ("industry", row.Industry),
            ("employees", Describe(row.Employees)),
            ("revenue_10k_yuan", Describe(row.RevenueTenThousandYuan)),
            ("assets_10k_yuan", Describe(row.AssetsTenThousandYuan)));
        var indicators = Indicators(row, facts);
        if (indicators.FirstOrDefault(i => i.Value is null) is { Fact: var missingFact, Value: null })
        {
            return Result(facts, null, row.Industry, null, new(RuleSizeClass, "2.(1)", SizeClassIndicatorMissing, false, inputs, parameters, $"{missingFact} needed for {row.Industry}", missingFact));
        }

        var (computed, bound) = Classify(indicators);
        var agrees = facts.ReportedClass is { } reported ? reported == computed : (bool?)null;
        var reason = agrees switch
        {
            true => SizeClassAgrees,
            false => SizeClassMismatch,
            null => SizeClassComputed,
        };
        var message = $"{row.Industry}: {UpperSnake.Format(computed)}, decided by {UpperSnake.Format(bound.Indicator)} {bound.Value} {(bound.Met ? ">=" : "<")} {UpperSnake.Format(bound.BoundOf)} bound {bound.Threshold}";
        return Result(facts, computed, row.Industry, bound, new(RuleSizeClass, "2.(1)", reason, agrees != false, inputs, parameters, message));
    }

    private SizeClassCheck Result(SizeClassFacts facts, SizeClass? computed, string? industry, DecidingBound? bound, RuleCheck check) =>
        new(facts.Uscc, computed, facts.ReportedClass, computed is null || facts.ReportedClass is null ? null : computed == facts.ReportedClass, industry, bound, Explanation.For(policy, [check]));

    private static (SizeClass Class, DecidingBound Bound) Classify(IReadOnlyList<Indicator> indicators)
    {
        DecidingBound? failedAbove = null;
        foreach (var sizeClass in Ladder)
        {
            var failed = indicators.FirstOrDefault(i => i.Value < i.Threshold(sizeClass));
            if (failed is null)
            {
                return (sizeClass, failedAbove ?? Tightest(indicators, sizeClass));
            }

            failedAbove = new DecidingBound(failed.Kind, sizeClass, failed.Threshold(sizeClass), failed.Value!.Value, false);
        }

        return (SizeClass.Micro, failedAbove!);
    }

    /// <summary>The bound met with the least margin (smallest value ÷ threshold, compared exactly by cross-multiplication).</summary>
    private static DecidingBound Tightest(IReadOnlyList<Indicator> indicators, SizeClass sizeClass)
    {
        var tightest = indicators[0];
        foreach (var indicator in indicators.Skip(1))
        {
            // Int128: two longs multiplied never overflow it (decimal did, at revenue = assets = 10^18 fen: issue 13).
            if ((Int128)indicator.Value!.Value * tightest.Threshold(sizeClass) < (Int128)tightest.Value!.Value * indicator.Threshold(sizeClass))
            {
                tightest = indicator;
            }
        }

        return new DecidingBound(tightest.Kind, sizeClass, tightest.Threshold(sizeClass), tightest.Value!.Value, true);
    }

    private static List<Indicator> Indicators(IndustrySizeBounds row, SizeClassFacts facts)
    {
        var indicators = new List<Indicator>(3);
        if (row.Employees is { } employees)
        {
            indicators.Add(new Indicator(SizeIndicator.Employees, nameof(SizeClassFacts.Employees), facts.Employees, employees, 1));
        }

        if (row.RevenueTenThousandYuan is { } revenue)
        {
            indicators.Add(new Indicator(SizeIndicator.Revenue, nameof(SizeClassFacts.RevenueFen), facts.RevenueFen, revenue, FenPerTenThousandYuan));
        }

        if (row.AssetsTenThousandYuan is { } assets)
        {
            indicators.Add(new Indicator(SizeIndicator.TotalAssets, nameof(SizeClassFacts.TotalAssetsFen), facts.TotalAssetsFen, assets, FenPerTenThousandYuan));
        }

        return indicators;
    }

    /// <summary>The most specific row whose code matches (a class such as 7010 before a section letter).</summary>
    private static IndustrySizeBounds? FindRow(IReadOnlyList<IndustrySizeBounds> table, string industryCode)
    {
        if (!IndustryCode.TryNormalise(industryCode, out var section, out var digits))
        {
            return null;
        }

        IndustrySizeBounds? best = null;
        var bestLength = -1;
        foreach (var row in table)
        {
            foreach (var code in row.Codes)
            {
                var length = IndustryCode.MatchLength(code, section, digits);
                if (length > bestLength)
                {
                    (best, bestLength) = (row, length);
                }
            }
        }

        return best;
    }

    private static string Describe(SizeBounds? bounds) => bounds is null ? "-" : $"{bounds.Large}/{bounds.Medium}/{bounds.Small}";

    private sealed record Indicator(SizeIndicator Kind, string Fact, long? Value, SizeBounds Bounds, long Unit)
    {
        public long Threshold(SizeClass sizeClass) => Bounds.For(sizeClass) * Unit;
    }
}

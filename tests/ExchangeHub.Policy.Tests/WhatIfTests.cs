using System.Text.Json.Nodes;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.Skills;
using ExchangeHub.Policy.Tests.Support;
using ExchangeHub.Policy.WhatIf;

namespace ExchangeHub.Policy.Tests;

/// <summary>What-if: the same facts under the draft and a variant file, difference per subject and in total.</summary>
public sealed class WhatIfTests
{
    private static PolicySet Variant(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(Policies.DraftText)!;
        root["version"] = "2024.1-variant";
        change(root);
        return Policies.FromText(root.ToJsonString());
    }

    private static readonly PolicySet HigherRates = Variant(root =>
        root["parameters"]!["refund"]!["rates"]![0]!["value"] = new JsonObject { ["LARGE"] = 0.50m, ["MEDIUM"] = 0.75m, ["SMALL"] = 0.75m, ["MICRO"] = 0.75m });

    [Fact]
    [Trait("clause", "1.(2)")]
    public void CompareRefunds_VariantRates_DifferencePerUnitAndTotal()
    {
        RefundFacts[] units =
        [
            Units.Eligible() with { Uscc = "A", SizeClass = SizeClass.Large },
            Units.Eligible() with { Uscc = "B", SizeClass = SizeClass.Small },
            Units.Eligible() with { Uscc = "C", RegistrationStatus = RegistrationStatus.Revoked },
        ];

        var report = WhatIfComparer.CompareRefunds(Policies.Draft, HigherRates, units, Units.DecisionDate);

        Assert.Equal([60503L, 45378L, 0L], report.Lines.Select(l => l.DifferenceFen));
        Assert.Equal(90754 + 181508, report.BaselineTotalFen);
        Assert.Equal(151257 + 226886, report.VariantTotalFen);
        Assert.Equal(105881, report.DifferenceFen);
        Assert.Equal(0, report.OutcomesChanged);
        Assert.Equal(["A", "B"], report.Changed.Select(l => l.Subject));
        // Same verdicts, other rates: the rule named is the amount's (its parameters differ), not the first check.
        Assert.Equal(RefundReasonCodes.RuleAmount, report.Lines[0].Rule?.RuleId);
        Assert.Null(WhatIfComparer.CompareRefunds(Policies.Draft, Policies.Draft, units, Units.DecisionDate).Lines[0].Rule);
        Assert.Equal("2024.1-variant", report.Variant.Version);
        Assert.NotEqual(report.Baseline.Sha256, report.Variant.Sha256);
    }

    [Fact]
    [Trait("clause", "1.(2)")]
    public void CompareRefunds_HigherUnemploymentTarget_OutcomeChanges()
    {
        var lenient = Variant(root => root["parameters"]!["refund"]!["unemployment_target"]![0]!["value"] = 0.06m);

        var report = WhatIfComparer.CompareRefunds(Policies.Draft, lenient, [Units.WithLayoff(200, 188)], Units.DecisionDate);

        var line = Assert.Single(report.Lines);
        Assert.Equal("INELIGIBLE", line.BaselineOutcome);
        Assert.Equal("ELIGIBLE", line.VariantOutcome);
        Assert.Equal(181508, line.DifferenceFen);
        Assert.Equal(1, report.OutcomesChanged);
        Assert.Equal(new WhatIfRule(RefundReasonCodes.RuleLayoff, "1.(2)", RefundReasonCodes.LayoffRateAboveTarget, RefundReasonCodes.LayoffRateWithinTarget), line.Rule);
    }

    [Fact]
    [Trait("clause", "1.(3)")]
    public void CompareSkillSubsidies_HigherAmounts_TotalDifference()
    {
        var richer = Variant(root => root["parameters"]!["skill"]!["amounts_fen"]![0]!["value"]!["4"] = 180000);
        var claim = new SkillSubsidyFacts("p", new Certificate("C1", "4-04-05-01", 4, new DateOnly(2024, 3, 1)), [.. Enumerable.Range(0, 24).Select(new YearMonth(2022, 3).AddMonths)], false, []);

        var report = WhatIfComparer.CompareSkillSubsidies(Policies.Draft, richer, [claim], new DateOnly(2024, 4, 1));

        Assert.Equal(30000, report.DifferenceFen);
        Assert.Equal("p/C1", report.Lines[0].Subject);
    }
}

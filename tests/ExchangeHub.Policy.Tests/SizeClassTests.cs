using ExchangeHub.Policy.SizeClasses;
using ExchangeHub.Policy.Tests.Support;
using static ExchangeHub.Policy.Refunds.RefundReasonCodes;

namespace ExchangeHub.Policy.Tests;

/// <summary>2.(1) size-class cross-check per 统计上大中小微型企业划分办法 (2017), one row and one boundary at a time.</summary>
public sealed class SizeClassTests
{
    private const long Wan = 1_000_000; // 10,000 yuan in fen
    private static readonly DateOnly AsOf = new(2024, 6, 3);
    private readonly SizeClassCrossCheck _check = new(Policies.Draft);

    private static SizeClassFacts Unit(string? industry, int? employees, long? revenueWan, long? assetsWan, SizeClass? reported = null) =>
        new(Units.Uscc, industry, employees, revenueWan * Wan, assetsWan * Wan, reported);

    public static TheoryData<string, SizeClassFacts, SizeClass, SizeIndicator, SizeClass, bool> Cases => new()
    {
        { "industry: large, revenue the tightest bound", Unit("C3011", 1500, 40000, null), SizeClass.Large, SizeIndicator.Revenue, SizeClass.Large, true },
        { "industry: revenue one below the large bound", Unit("C3011", 1000, 39999, null), SizeClass.Medium, SizeIndicator.Revenue, SizeClass.Large, false },
        { "industry: 299 employees drops below medium", Unit("C3011", 299, 50000, null), SizeClass.Small, SizeIndicator.Employees, SizeClass.Medium, false },
        { "industry: 19 employees is micro", Unit("C3011", 19, 50000, null), SizeClass.Micro, SizeIndicator.Employees, SizeClass.Small, false },
        { "industry: exactly on the small bounds", Unit("D4411", 20, 300, null), SizeClass.Small, SizeIndicator.Employees, SizeClass.Medium, false },
        { "agriculture: revenue only", Unit("A0111", null, 500, null), SizeClass.Medium, SizeIndicator.Revenue, SizeClass.Large, false },
        { "construction: assets decide", Unit("E4710", null, 80000, 79999), SizeClass.Medium, SizeIndicator.TotalAssets, SizeClass.Large, false },
        { "wholesale: exactly small", Unit("F5123", 5, 1000, null), SizeClass.Small, SizeIndicator.Employees, SizeClass.Medium, false },
        { "retail, code without section letter", Unit("5211", 50, 500, null), SizeClass.Medium, SizeIndicator.Employees, SizeClass.Large, false },
        { "transport (road)", Unit("G5430", 300, 3000, null), SizeClass.Medium, SizeIndicator.Employees, SizeClass.Large, false },
        { "software: large", Unit("I6510", 300, 10000, null), SizeClass.Large, SizeIndicator.Employees, SizeClass.Large, true },
        { "real-estate development (7010)", Unit("K7010", null, 200000, 10000), SizeClass.Large, SizeIndicator.Revenue, SizeClass.Large, true },
        { "property management (702)", Unit("K7020", 1000, 4999, null), SizeClass.Medium, SizeIndicator.Revenue, SizeClass.Large, false },
        { "real-estate agency (703) is 'other'", Unit("K7030", 300, null, null), SizeClass.Large, SizeIndicator.Employees, SizeClass.Large, true },
        { "leasing and business services", Unit("L7111", 100, null, 8000), SizeClass.Medium, SizeIndicator.Employees, SizeClass.Large, false },
        { "other (science, M)", Unit("M7310", 9, null, null), SizeClass.Micro, SizeIndicator.Employees, SizeClass.Small, false },
    };

    [Theory]
    [Trait("clause", "2.(1)")]
    [Trait("issue", "13")]
    [InlineData(1_000_000_000_000_000_000L)]
    [InlineData(long.MaxValue)]
    public void Check_ExtremeRevenueAndAssets_ClassifiedWithoutOverflow(long fen)
    {
        // Revenue = assets = 10^18 fen stopped every run ("Value was either too large or too small for a Decimal").
        var check = _check.Check(new SizeClassFacts(Units.Uscc, "K7010", null, fen, fen, null), AsOf);

        Assert.Equal((SizeClass.Large, SizeIndicator.Revenue), (check.ComputedClass, check.DecidingBound!.Indicator));
    }

    [Theory]
    [Trait("clause", "2.(1)")]
    [MemberData(nameof(Cases))]
    public void Check_Indicators_ComputedClassAndDecidingBound(string name, SizeClassFacts facts, SizeClass expected, SizeIndicator indicator, SizeClass boundOf, bool met)
    {
        var check = _check.Check(facts, AsOf);

        Assert.True(expected == check.ComputedClass, $"{name}: {check.ComputedClass} {check.Explanation.Checks[0].Message}");
        Assert.Equal(indicator, check.DecidingBound!.Indicator);
        Assert.Equal(boundOf, check.DecidingBound.BoundOf);
        Assert.Equal(met, check.DecidingBound.Met);
    }

    [Theory]
    [Trait("clause", "2.(1)")]
    [InlineData(SizeClass.Medium, true, SizeClassAgrees)]
    [InlineData(SizeClass.Small, false, SizeClassMismatch)]
    public void Check_ReportedClass_AgreesOrMismatch(SizeClass reported, bool agrees, string reason)
    {
        var check = _check.Check(Unit("C3011", 1000, 39999, null, reported), AsOf);

        Assert.Equal(agrees, check.Agrees);
        var rule = Assert.Single(check.Explanation.Checks);
        Assert.Equal(reason, rule.ReasonCode);
        Assert.Equal(agrees, rule.Passed);
    }

    /// <summary>
    /// The rows POLICY.md corrected per the 2017 standard's notes: 591 装卸搬运 is transport (not warehousing), "other"
    /// covers Q85 social work. 250 employees and 5000 (10,000 yuan) revenue: small as transport (250 &lt; 300), medium as
    /// warehousing (250 ≥ 100, 5000 ≥ 1000), medium as "other" (250 ≥ 100).
    /// </summary>
    [Theory]
    [Trait("clause", "2.(1)")]
    [InlineData("G5910", "transport", SizeClass.Small)] // 591 装卸搬运
    [InlineData("5910", "transport", SizeClass.Small)]
    [InlineData("G591", "transport", SizeClass.Small)]
    [InlineData("G5920", "warehousing", SizeClass.Medium)] // 59 except 591
    [InlineData("G5990", "warehousing", SizeClass.Medium)]
    [InlineData("G59", "warehousing", SizeClass.Medium)] // the division alone: warehousing's row
    [InlineData("G5810", "transport", SizeClass.Small)] // 58, the neighbour below
    [InlineData("Q8510", "other", SizeClass.Medium)] // Q85 社会工作
    [InlineData("8521", "other", SizeClass.Medium)]
    public void Check_CorrectedRows_IndustryAndClass(string industry, string row, SizeClass expected)
    {
        var check = _check.Check(Unit(industry, 250, 5000, null), AsOf);

        Assert.Equal(expected, check.ComputedClass);
        Assert.StartsWith(row, check.Industry, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "2.(1)")]
    [InlineData("Q8411")] // Q84 卫生 (health): not in the standard's table
    [InlineData("8411")]
    [InlineData("Q84")]
    [InlineData("Q")] // the section alone: Q84 or Q85 unknown
    [InlineData("P")] // education
    [InlineData("P8310")]
    [InlineData("8331")]
    public void Check_HealthAndEducation_NotCoveredNoMismatch(string industry)
    {
        var check = _check.Check(Unit(industry, 250, 5000, null, SizeClass.Large), AsOf);

        Assert.Equal((null, null), (check.ComputedClass, check.Agrees));
        Assert.Equal(SizeClassIndustryNotCovered, check.Explanation.Checks[0].ReasonCode);
    }

    [Theory]
    [Trait("clause", "2.(1)")]
    [InlineData("F5311")] // rail transport is not in the table
    [InlineData("5311")]
    [InlineData("P8310")] // education
    [InlineData("K7040")]
    [InlineData("F3011")] // letter and division disagree
    [InlineData("not a code")]
    public void Check_IndustryNotInTable_NotCovered(string industry)
    {
        var check = _check.Check(Unit(industry, 100, 100, 100), AsOf);

        Assert.Null(check.ComputedClass);
        Assert.Equal(SizeClassIndustryNotCovered, check.Explanation.Checks[0].ReasonCode);
    }

    [Theory]
    [Trait("clause", "2.(1)")]
    [InlineData(null, 100, 100L, "IndustryCode")]
    [InlineData("C3011", 100, null, "RevenueFen")]
    [InlineData("C3011", null, 100L, "Employees")]
    public void Check_NeededIndicatorMissing_NamesFact(string? industry, int? employees, long? revenueWan, string fact)
    {
        var check = _check.Check(Unit(industry, employees, revenueWan, null), AsOf);

        Assert.Null(check.ComputedClass);
        Assert.Equal([fact], check.Explanation.MissingFacts);
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public void Check_IndicatorTheRowDoesNotUse_NotNeeded()
    {
        var check = _check.Check(Unit("C3011", 500, 3000, null), AsOf);

        Assert.Equal(SizeClass.Medium, check.ComputedClass);
        Assert.Empty(check.Explanation.MissingFacts);
    }
}

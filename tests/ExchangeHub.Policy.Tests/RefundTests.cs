using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.Tests.Support;
using static ExchangeHub.Policy.Refunds.RefundReasonCodes;

namespace ExchangeHub.Policy.Tests;

/// <summary>1.(2) job-retention refund and 2.(1) refund handling: the notice's rules and boundaries, case by case.</summary>
public sealed class RefundTests
{
    private readonly RefundDecider _decider = new(Policies.Draft);

    public static TheoryData<string, RefundFacts, RefundOutcome, string> Cases => new()
    {
        { "1.(2) all rules hold", Units.Eligible(), RefundOutcome.Eligible, AmountRateBySizeClass },
        { "1.(2).1 government body not covered", Units.Eligible() with { OrganisationType = OrganisationType.GovernmentBody }, RefundOutcome.Ineligible, OrgTypeNotCovered },
        { "1.(2).1 public institution not covered", Units.Eligible() with { OrganisationType = OrganisationType.PublicInstitution }, RefundOutcome.Ineligible, OrgTypeNotCovered },
        { "1.(2).2 deregistered", Units.Eligible() with { RegistrationStatus = RegistrationStatus.Deregistered }, RefundOutcome.Ineligible, RegistrationNotActive },
        { "1.(2).2 revoked", Units.Eligible() with { RegistrationStatus = RegistrationStatus.Revoked }, RefundOutcome.Ineligible, RegistrationNotActive },
        { "1.(2).3 exactly 12 paid months", Units.Eligible() with { Months = Units.Months(new(2023, 1), new(2023, 12), _ => 100) }, RefundOutcome.Eligible, PaidMonthsMet },
        { "1.(2).3 11 paid months", Units.Eligible() with { Months = [.. Units.Months(new(2023, 1), new(2023, 11), _ => 100), .. Units.Months(new(2023, 12), new(2023, 12), _ => 100, SettlementStatus.Deferred)] }, RefundOutcome.Held, DeferralUnpaid },
        { "1.(2).3 11 paid months, none deferred", Units.Eligible() with { Months = Units.Months(new(2023, 2), new(2023, 12), _ => 100) }, RefundOutcome.Ineligible, PaidMonthsBelowMinimum },
        { "1.(2).3 months after Y-1 do not count", Units.Eligible() with { Months = Units.Months(new(2023, 2), new(2024, 5), _ => 100) }, RefundOutcome.Ineligible, PaidMonthsBelowMinimum },
        { "1.(2).3 settled but premiums not received", Units.Eligible() with { Months = [.. Units.Months(new(2023, 2), new(2023, 12), _ => 100), new MonthFacts(new(2023, 1), 100, SettlementStatus.Settled, false)] }, RefundOutcome.Ineligible, PaidMonthsBelowMinimum },
        { "1.(2).3 a month in arrears at decision time", Units.Eligible().WithMonth(new(2024, 4), SettlementStatus.Arrears), RefundOutcome.Ineligible, Arrears },
        { "1.(2).4 no layoff", Units.WithLayoff(200, 200), RefundOutcome.Eligible, NoLayoff },
        { "1.(2).4 headcount grew", Units.WithLayoff(200, 250), RefundOutcome.Eligible, NoLayoff },
        { "1.(2).4 layoff rate exactly 5.5%", Units.WithLayoff(200, 189), RefundOutcome.Eligible, LayoffRateWithinTarget },
        { "1.(2).4 layoff rate 5.5% of 1000", Units.WithLayoff(1000, 945), RefundOutcome.Eligible, LayoffRateWithinTarget },
        { "1.(2).4 layoff rate 5.6% of 1000", Units.WithLayoff(1000, 944), RefundOutcome.Ineligible, LayoffRateAboveTarget },
        { "1.(2).4 layoff rate 6%", Units.WithLayoff(200, 188), RefundOutcome.Ineligible, LayoffRateAboveTarget },
        { "1.(2).4 exactly 30 insured, exactly 20%", Units.WithLayoff(30, 24), RefundOutcome.Eligible, LayoffRateWithinSmallUnitCap },
        { "1.(2).4 exactly 30 insured, above 20%", Units.WithLayoff(30, 23), RefundOutcome.Ineligible, LayoffRateAboveSmallUnitCap },
        { "1.(2).4 31 insured is not small", Units.WithLayoff(31, 25), RefundOutcome.Ineligible, LayoffRateAboveTarget },
        { "1.(2).4 10 insured, 1 laid off (10%)", Units.WithLayoff(10, 9), RefundOutcome.Eligible, LayoffRateWithinSmallUnitCap },
        { "1.(2).5 deferral unpaid is held", Units.Eligible().WithMonth(new(2024, 3), SettlementStatus.Deferred), RefundOutcome.Held, DeferralUnpaid },
        { "1.(2).5 deferral and arrears is refused", Units.Eligible().WithMonth(new(2024, 3), SettlementStatus.Deferred).WithMonth(new(2024, 4), SettlementStatus.Arrears), RefundOutcome.Ineligible, Arrears },
        { "1.(2) missing organisation type", Units.Eligible() with { OrganisationType = null }, RefundOutcome.Undetermined, OrgTypeMissing },
        { "1.(2) missing registration status", Units.Eligible() with { RegistrationStatus = null }, RefundOutcome.Undetermined, RegistrationMissing },
        { "1.(2) missing size class", Units.Eligible() with { SizeClass = null }, RefundOutcome.Undetermined, AmountSizeClassMissing },
        { "1.(2) missing contributions", Units.Eligible() with { Contributions = null }, RefundOutcome.Undetermined, BaseMissing },
        { "1.(2) unknown settlement status", Units.Eligible().WithMonth(new(2024, 2), null), RefundOutcome.Undetermined, ArrearsSettlementMissing },
        { "1.(2) a known failure wins over a missing fact", Units.Eligible() with { OrganisationType = null, RegistrationStatus = RegistrationStatus.Revoked }, RefundOutcome.Ineligible, RegistrationNotActive },
    };

    /// <summary>"FACTS": missing is not zero; sources. Each boundary of the missing-month rule, the unit record, conflicting agencies.</summary>
    public static TheoryData<string, RefundFacts, RefundOutcome, string> FactsCases => new()
    {
        { "FACTS December not delivered, 100 every month: missing, not a 100% layoff", Units.Eligible().WithoutMonth(new(2023, 12)), RefundOutcome.Undetermined, MonthDataMissing },
        { "FACTS November not delivered", Units.Eligible().WithoutMonth(new(2023, 11)), RefundOutcome.Undetermined, MonthDataMissing },
        { "FACTS December settled without lines: 0 insured, a 100% layoff", Units.Eligible() with { Months = [.. Units.Eligible().WithoutMonth(new(2023, 12)).Months, new MonthFacts(new(2023, 12), 0, SettlementStatus.Settled, false)] }, RefundOutcome.Ineligible, LayoffRateAboveTarget },
        { "FACTS December with lines but no status: settlement unknown, not missing", Units.Eligible().WithMonth(new(2023, 12), null), RefundOutcome.Undetermined, ArrearsSettlementMissing },
        { "FACTS January absent, lines from February: starts in February, nothing missing", Units.Eligible().WithoutMonth(new(2023, 1)), RefundOutcome.Eligible, NoLayoff },
        { "FACTS a month of Y-2 absent is not a month of Y-1", Units.Eligible().WithoutMonth(new(2022, 12)), RefundOutcome.Eligible, PaidMonthsMet },
        { "FACTS a month after Y-1 absent is not missing", Units.Eligible().WithoutMonth(new(2024, 1)), RefundOutcome.Eligible, NoLayoff },
        { "FACTS 6 months paid and December missing: 12 unreachable, a known failure", Units.Eligible() with { Months = Units.Months(new(2023, 6), new(2023, 11), _ => 100) }, RefundOutcome.Ineligible, PaidMonthsBelowMinimum },
        { "FACTS 11 months paid and December missing: 12 reachable", Units.Eligible() with { Months = Units.Months(new(2023, 1), new(2023, 11), _ => 100) }, RefundOutcome.Undetermined, MonthDataMissing },
        { "FACTS no unit record", Units.Eligible() with { OrganisationType = null, RegistrationStatus = null, IsLabourDispatch = null, SizeClass = null, SizeClassSource = null, HasUnitRecord = false }, RefundOutcome.Undetermined, UnitRecordMissing },
        { "FACTS two agencies disagree on the registration", Units.Eligible() with { RegistrationStatus = null, SourceConflicts = [new("RegistrationStatus", "amr-a:U-1=ACTIVE; amr-b:U-9=DEREGISTERED")] }, RefundOutcome.Undetermined, UnitSourcesConflict },
        { "FACTS two agencies disagree on labour dispatch", Units.Eligible() with { IsLabourDispatch = null, SourceConflicts = [new("IsLabourDispatch", "amr-a:U-1=false; amr-b:U-9=true")] }, RefundOutcome.Undetermined, UnitSourcesConflict },
        { "FACTS a conflict does not hide a known failure", Units.Eligible().WithMonth(new(2024, 4), SettlementStatus.Arrears) with { SizeClass = null, SourceConflicts = [new("SizeClass", "amr-a:U-1=SMALL; amr-b:U-9=LARGE")] }, RefundOutcome.Ineligible, Arrears },
    };

    [Theory]
    [Trait("clause", "FACTS")]
    [MemberData(nameof(FactsCases))]
    public void Decide_FactsCase_ExpectedOutcomeAndReason(string name, RefundFacts facts, RefundOutcome expected, string reason) =>
        Decide_NoticeCase_ExpectedOutcomeAndReason(name, facts, expected, reason);

    [Fact]
    [Trait("clause", "FACTS")]
    public void Decide_MissingDecember_NamesTheMonth()
    {
        var decision = _decider.Decide(Units.Eligible().WithoutMonth(new(2023, 11)).WithoutMonth(new(2023, 12)), Units.DecisionDate);

        Assert.Equal(RefundOutcome.Undetermined, decision.Outcome);
        var layoff = Assert.Single(decision.Explanation.Checks, c => c.RuleId == RuleLayoff);
        Assert.Equal(("FACTS", "Months[2023-11],Months[2023-12]", "2023-11,2023-12"), (layoff.ClauseId, layoff.MissingFact, layoff.Inputs["missing_months"]));
    }

    [Theory]
    [Trait("clause", "1.(2)")]
    [MemberData(nameof(Cases))]
    public void Decide_NoticeCase_ExpectedOutcomeAndReason(string name, RefundFacts facts, RefundOutcome expected, string reason)
    {
        var decision = _decider.Decide(facts, Units.DecisionDate);

        Assert.True(expected == decision.Outcome, $"{name}: {decision.Outcome}, {string.Join(" ", decision.Explanation.ReasonCodes)}");
        Assert.Contains(reason, decision.Explanation.ReasonCodes);
    }

    [Theory]
    [Trait("clause", "1.(2)")]
    [InlineData(OrganisationType.Enterprise)]
    [InlineData(OrganisationType.SocialOrganisation)]
    [InlineData(OrganisationType.Foundation)]
    [InlineData(OrganisationType.SocialServiceOrganisation)]
    [InlineData(OrganisationType.LawFirm)]
    [InlineData(OrganisationType.AccountingFirm)]
    [InlineData(OrganisationType.IndividualBusiness)]
    public void Decide_CoveredOrganisationType_Eligible(OrganisationType type)
    {
        var decision = _decider.Decide(Units.Eligible() with { OrganisationType = type }, Units.DecisionDate);

        Assert.Equal(RefundOutcome.Eligible, decision.Outcome);
    }

    [Theory]
    [Trait("clause", "1.(2)")]
    [InlineData(SizeClass.Large, 302514, 90754)]
    [InlineData(SizeClass.Medium, 302514, 181508)]
    [InlineData(SizeClass.Small, 302514, 181508)]
    [InlineData(SizeClass.Micro, 302514, 181508)]
    [InlineData(SizeClass.Large, 302515, 90755)]
    [InlineData(SizeClass.Small, 1, 1)]
    [InlineData(SizeClass.Large, 1, 0)]
    [InlineData(SizeClass.Large, 5, 2)]
    [InlineData(SizeClass.Small, 0, 0)]
    public void Decide_SizeClassAndBase_RateTimesBaseHalfUp(SizeClass sizeClass, long baseFen, long expectedFen)
    {
        var facts = Units.Eligible() with { SizeClass = sizeClass, Contributions = [new ContributionSum(LineKind.Regular, 2023, baseFen, 0)] };

        var decision = _decider.Decide(facts, Units.DecisionDate);

        Assert.Equal(RefundOutcome.Eligible, decision.Outcome);
        Assert.Equal(expectedFen, decision.AmountFen);
        Assert.Equal(baseFen, decision.BaseFen);
        Assert.Equal(sizeClass == SizeClass.Large ? 0.30m : 0.60m, decision.Rate);
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public void Decide_LateFeesAndOtherYearsBackPayments_ExcludedFromBase()
    {
        var facts = Units.Eligible() with
        {
            Contributions =
            [
                new ContributionSum(LineKind.Regular, 2023, 100000, 100000),
                new ContributionSum(LineKind.BackPayment, 2023, 5000, 5000),
                new ContributionSum(LineKind.BackPayment, 2022, 7000, 7000),
                new ContributionSum(LineKind.Regular, 2024, 9000, 9000),
                new ContributionSum(LineKind.LateFee, 2023, 300, 0),
            ],
        };

        var decision = _decider.Decide(facts, Units.DecisionDate);

        Assert.Equal(210000, decision.BaseFen);
        Assert.Equal(126000, decision.AmountFen);
        var baseCheck = Assert.Single(decision.Explanation.Checks, c => c.RuleId == RuleBase);
        Assert.Equal(BaseExclusionsApplied, baseCheck.ReasonCode);
        Assert.Equal("300", baseCheck.Inputs["excluded_late_fees_fen"]);
        Assert.Equal("32000", baseCheck.Inputs["excluded_other_years_fen"]);
    }

    [Theory]
    [Trait("clause", "1.(2)")]
    [InlineData("2024-01-01", RefundOutcome.Eligible)]
    [InlineData("2024-12-31", RefundOutcome.Eligible)]
    [InlineData("2025-01-01", RefundOutcome.Ineligible)]
    [InlineData("2023-12-31", RefundOutcome.Ineligible)]
    public void Decide_DecisionDateAgainstProgrammeWindow_OpenOnlyInside(string date, RefundOutcome expected)
    {
        var decision = _decider.Decide(Units.Eligible(), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, decision.Outcome);
        Assert.Contains(expected == RefundOutcome.Eligible ? WindowOpen : WindowClosed, decision.Explanation.ReasonCodes);
    }

    [Fact]
    [Trait("clause", "1.(2)")]
    public void Decide_NoJanuaryLine_StartsAtFirstMonthWithLines()
    {
        var facts = Units.Eligible() with
        {
            Months = [.. Units.Months(new(2022, 1), new(2022, 12), _ => 100), .. Units.Months(new(2023, 3), new(2023, 12), m => m.Month == 12 ? 94 : 100)],
        };

        var decision = _decider.Decide(facts, Units.DecisionDate);

        var layoff = Assert.Single(decision.Explanation.Checks, c => c.RuleId == RuleLayoff);
        Assert.Equal("2023-03", layoff.Inputs["start_month"]);
        Assert.Equal(LayoffRateAboveTarget, layoff.ReasonCode);
        Assert.Equal(RefundOutcome.Ineligible, decision.Outcome);
    }

    [Fact]
    [Trait("clause", "1.(2)")]
    public void Decide_SmallUnitTest_UsesStartingHeadcountNotPeak()
    {
        var facts = Units.Eligible() with
        {
            Months = Units.Months(new(2022, 1), new(2023, 12), m => m.Year == 2023 && m.Month is > 1 and < 12 ? 40 : m.Month == 12 && m.Year == 2023 ? 24 : 30),
        };

        var decision = _decider.Decide(facts, Units.DecisionDate);

        Assert.Equal(RefundOutcome.Eligible, decision.Outcome);
        Assert.Contains(LayoffRateWithinSmallUnitCap, decision.Explanation.ReasonCodes);
    }

    [Fact]
    [Trait("clause", "1.(2)")]
    public void Decide_NobodyInsuredInAssessmentYear_Ineligible()
    {
        var facts = Units.Eligible() with { Months = Units.Months(new(2021, 1), new(2022, 12), _ => 5) };

        var decision = _decider.Decide(facts, Units.DecisionDate);

        Assert.Equal(RefundOutcome.Ineligible, decision.Outcome);
        Assert.Contains(NoInsuredInAssessmentYear, decision.Explanation.ReasonCodes);
    }

    [Fact]
    [Trait("clause", "1.(2)")]
    public void Decide_MissingFact_NamedInExplanation()
    {
        var decision = _decider.Decide(Units.Eligible().WithMonth(new(2023, 5), null), Units.DecisionDate);

        Assert.Equal(RefundOutcome.Undetermined, decision.Outcome);
        Assert.Contains("Months[2023-05].Settlement", decision.Explanation.MissingFacts);
        Assert.Equal(0, decision.AmountFen);
    }

    [Fact]
    [Trait("clause", "1.(2)")]
    public void Decide_Eligible_ExplanationCarriesPolicyAndEveryRule()
    {
        var decision = _decider.Decide(Units.Eligible(), Units.DecisionDate);

        Assert.Equal("xpcc-2024", decision.Explanation.PolicyId);
        Assert.Equal("2024.1", decision.Explanation.PolicyVersion);
        Assert.Equal(64, decision.Explanation.PolicySha256.Length);
        Assert.Equal(
            [RuleWindow, RuleOrgType, RuleActive, RulePaidMonths, RuleArrears, RuleLayoff, RuleDeferral, RuleBase, RuleAmount],
            decision.Explanation.Checks.Select(c => c.RuleId));
        Assert.All(decision.Explanation.Checks, c => Assert.True(c.Passed));
        var layoff = decision.Explanation.Checks.Single(c => c.RuleId == RuleLayoff);
        Assert.Equal("0.055", layoff.Parameters["unemployment_target"]);
        Assert.Equal("1.(2)", layoff.ClauseId);
    }

    [Theory]
    [Trait("clause", "2.(1)")]
    [InlineData(false, RefundOffer.Automatic)]
    [InlineData(true, RefundOffer.OnApplication)]
    [InlineData(null, RefundOffer.OnApplication)]
    public void Decide_LabourDispatchUnit_AppliesItself(bool? dispatch, RefundOffer expected)
    {
        var decision = _decider.Decide(Units.Eligible() with { IsLabourDispatch = dispatch }, Units.DecisionDate);

        Assert.Equal(RefundOutcome.Eligible, decision.Outcome);
        Assert.Equal(expected, decision.Offer);
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public void Decide_HeldUnitPaysUp_ReleasedWhenDecidedAgain()
    {
        var held = _decider.Decide(Units.Eligible().WithMonth(new(2024, 3), SettlementStatus.Deferred), Units.DecisionDate);
        var paidUp = _decider.Decide(Units.Eligible().WithMonth(new(2024, 3), SettlementStatus.Settled, received: true), new DateOnly(2024, 9, 2));

        Assert.Equal(RefundOutcome.Held, held.Outcome);
        Assert.Equal(0, held.AmountFen);
        Assert.Equal(RefundOutcome.Eligible, paidUp.Outcome);
        Assert.Equal(181508, paidUp.AmountFen);
    }

    [Theory]
    [Trait("clause", "2.(1)")]
    [InlineData(SizeClass.Small, SizeClass.Large, 181508, 90754, -90754)]
    [InlineData(SizeClass.Large, SizeClass.Medium, 90754, 181508, 90754)]
    public void Settle_OfficialSizeClassArrives_SignedDifferenceNamingTheSizeClass(SizeClass provisional, SizeClass official, long paid, long due, long difference)
    {
        var approved = _decider.Decide(Units.Eligible() with { SizeClass = provisional }, Units.DecisionDate);
        var redecided = _decider.Decide(Units.Eligible() with { SizeClass = official, SizeClassSource = SizeClassSource.Official }, Units.DecisionDate);

        var settled = new RefundAdjuster(Policies.Draft).Settle(Paid(approved), redecided);

        Assert.Equal((paid, due, difference), (settled.PaidFen, settled.DueFen, settled.DifferenceFen));
        Assert.Equal((SettledSizeClass, "2.(1)", official, SizeClassSource.Official), (settled.ReasonCode, settled.ClauseId, settled.SizeClass, settled.SizeClassSource));
        Assert.Equal(SettledSizeClass, Assert.Single(settled.Explanation.Checks).ReasonCode);
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public void Settle_OfficialClassSameRate_NothingToSettle()
    {
        var approved = _decider.Decide(Units.Eligible() with { SizeClass = SizeClass.Small }, Units.DecisionDate);
        var redecided = _decider.Decide(Units.Eligible() with { SizeClass = SizeClass.Micro, SizeClassSource = SizeClassSource.Official }, Units.DecisionDate);

        var settled = new RefundAdjuster(Policies.Draft).Settle(Paid(approved), redecided);

        Assert.Equal((0L, AdjustmentNone, false), (settled.DifferenceFen, settled.ReasonCode, settled.Settles));
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public void Settle_BaseCorrected_DifferenceToTheFenNamingTheBase()
    {
        var approved = _decider.Decide(Units.Eligible(), Units.DecisionDate);
        var corrected = Units.Eligible() with { Contributions = [new ContributionSum(LineKind.Regular, 2023, 151257, 151256)] };

        var settled = new RefundAdjuster(Policies.Draft).Settle(Paid(approved), _decider.Decide(corrected, Units.DecisionDate));

        // 60% of 302,514 fen = 181,508.4 → 181,508; of 302,513 fen = 181,507.8 → 181,508: one fen less base, no fen less refund.
        Assert.Equal((0L, AdjustmentNone), (settled.DifferenceFen, settled.ReasonCode));
        var less = Units.Eligible() with { Contributions = [new ContributionSum(LineKind.Regular, 2023, 151257, 151255)] };
        var settledLess = new RefundAdjuster(Policies.Draft).Settle(Paid(approved), _decider.Decide(less, Units.DecisionDate));
        Assert.Equal((-1L, SettledBaseCorrected, "1.(2)"), (settledLess.DifferenceFen, settledLess.ReasonCode, settledLess.ClauseId));
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public void Settle_NoLongerQualifiesOnD_RecoveredNamingTheFailedRule()
    {
        var approved = _decider.Decide(Units.Eligible(), Units.DecisionDate);
        var refused = _decider.Decide(Units.Eligible() with { RegistrationStatus = RegistrationStatus.Revoked }, Units.DecisionDate);

        var settled = new RefundAdjuster(Policies.Draft).Settle(Paid(approved), refused);

        Assert.Equal((-approved.AmountFen, SettledEligibilityCorrected, "1.(2)"), (settled.DifferenceFen, settled.ReasonCode, settled.ClauseId));
        Assert.Contains(RegistrationNotActive, settled.Explanation.Checks[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public void Settle_FactMissingOnD_NothingRecovered()
    {
        var approved = _decider.Decide(Units.Eligible(), Units.DecisionDate);
        var missing = _decider.Decide(Units.Eligible() with { RegistrationStatus = null }, Units.DecisionDate);

        var settled = new RefundAdjuster(Policies.Draft).Settle(Paid(approved), missing);

        Assert.Equal((0L, AdjustmentNone), (settled.DifferenceFen, settled.ReasonCode));
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public void Settle_AtAnotherDate_Refused()
    {
        var approved = _decider.Decide(Units.Eligible(), Units.DecisionDate);
        var later = _decider.Decide(Units.Eligible(), Units.DecisionDate.AddDays(1));

        Assert.Throws<ArgumentException>(() => new RefundAdjuster(Policies.Draft).Settle(Paid(approved), later));
    }

    private static PaidRefund Paid(RefundDecision approved) =>
        new(approved.AmountFen, approved.Rate, approved.BaseFen, approved.SizeClass, approved.SizeClassSource, approved.DecidedOn);
}

using ExchangeHub.Policy.Skills;
using ExchangeHub.Policy.Tests.Support;
using static ExchangeHub.Policy.Skills.SkillReasonCodes;

namespace ExchangeHub.Policy.Tests;

/// <summary>1.(3) skill-upgrade subsidy and its 2.(2) limits, case by case.</summary>
public sealed class SkillTests
{
    private const string Occupation = "4-04-05-01";
    private static readonly DateOnly Issued = new(2024, 3, 15);
    private static readonly DateOnly GrantDate = new(2024, 4, 1);
    private readonly SkillSubsidyDecider _decider = new(Policies.Draft);

    private static SkillSubsidyFacts Claim(int level = 4, int insuredMonths = 24, bool? receivingBenefit = false, params SkillGrant[] prior) => new(
        "person-1",
        new Certificate("CERT-1", Occupation, level, Issued),
        Months(YearMonth.FromDate(Issued).AddMonths(1 - insuredMonths), insuredMonths),
        receivingBenefit,
        prior);

    private static List<YearMonth> Months(YearMonth from, int count) => [.. Enumerable.Range(0, count).Select(from.AddMonths)];

    private static SkillGrant Granted(string occupation, int level, string date) =>
        new(occupation, level, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    public static TheoryData<string, SkillSubsidyFacts, SkillOutcome, long, string> Cases => new()
    {
        { "1.(3).2 level 5 (初级) 1000 yuan", Claim(level: 5), SkillOutcome.Granted, 100000, LevelCovered },
        { "1.(3).2 level 4 (中级) 1500 yuan", Claim(level: 4), SkillOutcome.Granted, 150000, LevelCovered },
        { "1.(3).2 level 3 (高级) 2000 yuan", Claim(level: 3), SkillOutcome.Granted, 200000, LevelCovered },
        { "1.(3).2 level 2 (技师) not covered", Claim(level: 2), SkillOutcome.Refused, 0, LevelNotCovered },
        { "1.(3).2 level 1 (高级技师) not covered", Claim(level: 1), SkillOutcome.Refused, 0, LevelNotCovered },
        { "1.(3).1 exactly 12 insured months", Claim(insuredMonths: 12), SkillOutcome.Granted, 150000, PersonInsuredMonthsMet },
        { "1.(3).1 11 insured months", Claim(insuredMonths: 11), SkillOutcome.Refused, 0, PersonNotQualified },
        { "1.(3).1 11 insured months, receiving benefit", Claim(insuredMonths: 11, receivingBenefit: true), SkillOutcome.Granted, 150000, PersonReceivingBenefit },
        { "1.(3).1 11 insured months, benefit status unknown", Claim(insuredMonths: 11, receivingBenefit: null), SkillOutcome.Undetermined, 0, PersonBenefitStatusMissing },
        { "1.(3).1 insured months unknown", Claim() with { InsuredMonths = null }, SkillOutcome.Undetermined, 0, PersonInsuredMonthsMissing },
        { "1.(3).1 months after the issue date do not count", Claim() with { InsuredMonths = Months(new(2024, 1), 12) }, SkillOutcome.Refused, 0, PersonNotQualified },
        { "1.(3).1 the same month in two places counts once", Claim() with { InsuredMonths = [.. Months(new(2023, 5), 11), .. Months(new(2023, 5), 11)] }, SkillOutcome.Refused, 0, PersonNotQualified },
        { "2.(2).3 third grant in a year", Claim(prior: [Granted("1-01-01-01", 5, "2024-01-10"), Granted("2-02-02-02", 5, "2024-02-10")]), SkillOutcome.Granted, 150000, WithinYearlyCap },
        { "2.(2).3 fourth grant in a year", Claim(prior: [Granted("1-01-01-01", 5, "2024-01-10"), Granted("2-02-02-02", 5, "2024-02-10"), Granted("3-03-03-03", 5, "2024-03-10")]), SkillOutcome.Refused, 0, YearlyCapReached },
        { "2.(2).3 three grants last year do not count", Claim(prior: [Granted("1-01-01-01", 5, "2023-01-10"), Granted("2-02-02-02", 5, "2023-02-10"), Granted("3-03-03-03", 5, "2023-12-31")]), SkillOutcome.Granted, 150000, WithinYearlyCap },
        { "2.(2).4 same occupation, same level again", Claim(prior: [Granted(Occupation, 4, "2023-06-01")]), SkillOutcome.Refused, 0, AlreadyGranted },
        { "2.(2).4 same level, other occupation", Claim(prior: [Granted("4-04-05-02", 4, "2023-06-01")]), SkillOutcome.Granted, 150000, FirstGrantForLevel },
        { "2.(2).5 lower level after a higher one", Claim(level: 4, prior: [Granted(Occupation, 3, "2023-06-01")]), SkillOutcome.Refused, 0, LowerLevelAfterHigher },
        { "2.(2).5 level 5 after level 3", Claim(level: 5, prior: [Granted(Occupation, 3, "2023-06-01")]), SkillOutcome.Refused, 0, LowerLevelAfterHigher },
        { "2.(2).5 higher level after a lower one", Claim(level: 3, prior: [Granted(Occupation, 4, "2023-06-01")]), SkillOutcome.Granted, 200000, NotLowerThanGranted },
        { "2.(2).4 occupation code malformed", Claim() with { Certificate = new Certificate("CERT-1", "40405", 4, Issued) }, SkillOutcome.Refused, 0, OccupationCodeInvalid },
        { "1.(3) certificate issued before 2024", Claim() with { Certificate = new Certificate("CERT-1", Occupation, 4, new DateOnly(2023, 12, 31)) }, SkillOutcome.Refused, 0, CertificateOutsideWindow },
        { "1.(3) certificate issued after the programme", Claim() with { Certificate = new Certificate("CERT-1", Occupation, 4, new DateOnly(2025, 1, 1)) }, SkillOutcome.Refused, 0, CertificateOutsideWindow },
        { "1.(3) certificate issued on the last day", Claim() with { Certificate = new Certificate("CERT-1", Occupation, 4, new DateOnly(2024, 12, 31)) }, SkillOutcome.Granted, 150000, CertificateInWindow },
    };

    [Theory]
    [Trait("clause", "1.(3)")]
    [Trait("clause", "2.(2)")]
    [MemberData(nameof(Cases))]
    public void Decide_NoticeCase_ExpectedOutcomeAmountAndReason(string name, SkillSubsidyFacts facts, SkillOutcome expected, long amountFen, string reason)
    {
        var decision = _decider.Decide(facts, GrantDate);

        Assert.True(expected == decision.Outcome, $"{name}: {decision.Outcome}, {string.Join(" ", decision.Explanation.ReasonCodes)}");
        Assert.Equal(amountFen, decision.AmountFen);
        Assert.Contains(reason, decision.Explanation.ReasonCodes);
    }

    [Fact]
    [Trait("clause", "1.(3)")]
    public void Decide_Granted_ExplainsEveryRule()
    {
        var decision = _decider.Decide(Claim(), GrantDate);

        Assert.Equal([RuleWindow, RuleWindow, RulePerson, RuleLevel, RuleCap, RuleOnce, RuleNoLower, RuleNoDouble],
            decision.Explanation.Checks.Select(c => c.RuleId));
        Assert.Equal("3", decision.Explanation.Checks.Single(c => c.RuleId == RuleCap).Parameters["yearly_cap"]);
        Assert.Equal("2.(2)", decision.Explanation.Checks.Single(c => c.RuleId == RuleCap).ClauseId);
    }

    private static SubsidyPayment Skill(string date, long? recordedAt = null) =>
        new(SubsidyKind.SkillUpgrade, "CERT-1", RecipientKind.Person, "person-1", 150000, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), recordedAt);

    private static SubsidyPayment Training(string date, long? recordedAt = null) =>
        new(SubsidyKind.VocationalTraining, "CERT-1", RecipientKind.Unit, "91350100M000100Y43", 120000, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), recordedAt);

    /// <summary>
    /// 1.(3) Decision: "grants are dated inside the programme window; deciding after the window grants nothing under
    /// this notice unless a policy file covers that date" — the draft's window ends 2024-12-31.
    /// </summary>
    [Theory]
    [Trait("clause", "1.(3)")]
    [InlineData("2024-12-30", SkillOutcome.Granted, GrantDateInWindow)]
    [InlineData("2024-12-31", SkillOutcome.Granted, GrantDateInWindow)]
    [InlineData("2025-01-01", SkillOutcome.Refused, ProgrammeEnded)]
    [InlineData("2025-01-10", SkillOutcome.Refused, ProgrammeEnded)]
    public void Decide_GrantDateAroundTheProgrammeEnd_RefusedProgrammeEndedAfterIt(string grantDate, SkillOutcome expected, string reason)
    {
        var decision = _decider.Decide(Claim(), DateOnly.Parse(grantDate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, decision.Outcome);
        var check = decision.Explanation.Checks.Single(c => c.ReasonCode == reason);
        Assert.Equal((RuleWindow, "1.(3)", grantDate), (check.RuleId, check.ClauseId, check.Inputs["grant_date"]));
        Assert.Equal(expected == SkillOutcome.Granted ? 150000 : 0, decision.AmountFen);
    }

    /// <summary>
    /// 1.(3) SKILL_NO_DOUBLE Decision: a training subsidy already paid (on or before the grant date) refuses the skill
    /// subsidy; one paid after the grant date cannot be known at it (a later call recovers it, <see cref="DoubleSubsidyCheck"/>).
    /// </summary>
    [Theory]
    [Trait("clause", "1.(3)")]
    [InlineData("2024-03-31", SkillOutcome.Refused, TrainingSubsidyAlreadyPaid)]
    [InlineData("2024-04-01", SkillOutcome.Refused, TrainingSubsidyAlreadyPaid)]
    [InlineData("2024-04-02", SkillOutcome.Granted, NoTrainingSubsidyPaid)]
    public void Decide_TrainingSubsidyPaidAroundTheGrantDate_RefusedWhenAlreadyPaid(string paid, SkillOutcome expected, string reason)
    {
        var decision = _decider.Decide(Claim() with { TrainingPayment = Training(paid) }, GrantDate);

        Assert.Equal(expected, decision.Outcome);
        var check = decision.Explanation.Checks.Single(c => c.RuleId == RuleNoDouble);
        Assert.Equal((reason, "1.(3)", paid), (check.ReasonCode, check.ClauseId, check.Inputs["training_paid_on"]));
        if (expected == SkillOutcome.Refused)
        {
            Assert.Equal([TrainingSubsidyAlreadyPaid], decision.Explanation.Checks.Where(c => c.Failed).Select(c => c.ReasonCode));
        }
    }

    [Fact]
    [Trait("clause", "1.(3)")]
    public void DecideClawback_SkillPaidLater_RecoverSkillFromPerson()
    {
        var decision = new DoubleSubsidyCheck(Policies.Draft).Decide(Skill("2024-05-10"), Training("2024-04-01"));

        Assert.Equal(ClawbackOutcome.Recover, decision.Outcome);
        Assert.Equal(SubsidyKind.SkillUpgrade, decision.Recover!.Kind);
        Assert.Equal("person-1", decision.Recover.RecipientId);
        Assert.Equal(DoubleSubsidyRecoverLater, Assert.Single(decision.Explanation.Checks).ReasonCode);
    }

    [Fact]
    [Trait("clause", "1.(3)")]
    public void DecideClawback_TrainingPaidLater_RecoverTrainingFromUnit()
    {
        var decision = new DoubleSubsidyCheck(Policies.Draft).Decide(Skill("2024-05-10"), Training("2024-05-11"));

        Assert.Equal(ClawbackOutcome.Recover, decision.Outcome);
        Assert.Equal(SubsidyKind.VocationalTraining, decision.Recover!.Kind);
        Assert.Equal(RecipientKind.Unit, decision.Recover.RecipientKind);
        Assert.Equal(SubsidyKind.SkillUpgrade, decision.Kept!.Kind);
    }

    /// <summary>
    /// 1.(3) Decision: paid the same day, the one the hub recorded later is the later (the training payment's record
    /// time against the grant's decision time; recorded at the same instant, the grant is the later). Without a record
    /// time the order is undetermined (never the case in the hub, which records both).
    /// </summary>
    [Theory]
    [Trait("clause", "1.(3)")]
    [InlineData(null, null, ClawbackOutcome.Undetermined, null)]
    [InlineData(1_000L, null, ClawbackOutcome.Undetermined, null)]
    [InlineData(7_000L, 9_000L, ClawbackOutcome.Recover, SubsidyKind.VocationalTraining)]
    [InlineData(9_000L, 7_000L, ClawbackOutcome.Recover, SubsidyKind.SkillUpgrade)]
    [InlineData(8_000L, 8_000L, ClawbackOutcome.Recover, SubsidyKind.SkillUpgrade)]
    public void DecideClawback_SameDay_HubRecordTimeDecides(long? skillRecordedAt, long? trainingRecordedAt, ClawbackOutcome expected, SubsidyKind? recovered)
    {
        var decision = new DoubleSubsidyCheck(Policies.Draft).Decide(Skill("2024-05-10", skillRecordedAt), Training("2024-05-10", trainingRecordedAt));

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(recovered, decision.Recover?.Kind);
    }

    /// <summary>Paid on different days, the dates decide whatever the record times (a training payment reported late is still the earlier).</summary>
    [Theory]
    [Trait("clause", "1.(3)")]
    [InlineData("2024-05-09", SubsidyKind.SkillUpgrade)]
    [InlineData("2024-05-11", SubsidyKind.VocationalTraining)]
    public void DecideClawback_OtherDays_DateDecidesNotRecordTime(string trainingPaid, SubsidyKind recovered)
    {
        var decision = new DoubleSubsidyCheck(Policies.Draft).Decide(Skill("2024-05-10", 9_000), Training(trainingPaid, 7_000));

        Assert.Equal(recovered, decision.Recover!.Kind);
    }

    [Fact]
    [Trait("clause", "1.(3)")]
    public void DecideClawback_OnlyOneSubsidy_NothingToRecover()
    {
        var decision = new DoubleSubsidyCheck(Policies.Draft).Decide(Skill("2024-05-10"), null);

        Assert.Equal(ClawbackOutcome.None, decision.Outcome);
        Assert.Null(decision.Recover);
    }
}

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

        Assert.Equal([RuleWindow, RulePerson, RuleLevel, RuleCap, RuleOnce, RuleNoLower], decision.Explanation.Checks.Select(c => c.RuleId));
        Assert.Equal("3", decision.Explanation.Checks.Single(c => c.RuleId == RuleCap).Parameters["yearly_cap"]);
        Assert.Equal("2.(2)", decision.Explanation.Checks.Single(c => c.RuleId == RuleCap).ClauseId);
    }

    private static SubsidyPayment Skill(string date, long? sequence = null) =>
        new(SubsidyKind.SkillUpgrade, "CERT-1", RecipientKind.Person, "person-1", 150000, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), sequence);

    private static SubsidyPayment Training(string date, long? sequence = null) =>
        new(SubsidyKind.VocationalTraining, "CERT-1", RecipientKind.Unit, "91350100M000100Y43", 120000, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), sequence);

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

    [Theory]
    [Trait("clause", "1.(3)")]
    [InlineData(null, null, ClawbackOutcome.Undetermined, null)]
    [InlineData(7L, 9L, ClawbackOutcome.Recover, SubsidyKind.VocationalTraining)]
    [InlineData(9L, 7L, ClawbackOutcome.Recover, SubsidyKind.SkillUpgrade)]
    public void DecideClawback_SameDay_LedgerSequenceDecides(long? skillSequence, long? trainingSequence, ClawbackOutcome expected, SubsidyKind? recovered)
    {
        var decision = new DoubleSubsidyCheck(Policies.Draft).Decide(Skill("2024-05-10", skillSequence), Training("2024-05-10", trainingSequence));

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(recovered, decision.Recover?.Kind);
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

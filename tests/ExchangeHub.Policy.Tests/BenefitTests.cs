using ExchangeHub.Policy.Benefits;
using ExchangeHub.Policy.Tests.Support;
using static ExchangeHub.Policy.Benefits.BenefitReasonCodes;

namespace ExchangeHub.Policy.Tests;

/// <summary>1.(4) unemployment benefit (失业保险条例 Art. 14, 17) and the 2.(4) recalculation after a transfer.</summary>
public sealed class BenefitTests
{
    private static readonly DateOnly DecisionDate = new(2024, 7, 1);
    private readonly BenefitDecider _decider = new(Policies.Draft);

    private static InsuredPlace Place(string code, YearMonth from, int months) =>
        new(code, [.. Enumerable.Range(0, months).Select(from.AddMonths)]);

    private static BenefitFacts Claim(params InsuredPlace[] places) =>
        new("person-1", places, SeparationReason.ContractExpired, RegisteredUnemployed: true);

    private static BenefitFacts Insured(int months) => Claim(Place("650100", new YearMonth(2024, 6).AddMonths(1 - months), months));

    public static TheoryData<string, BenefitFacts, BenefitOutcome, int, string> Cases => new()
    {
        { "1.(4).1 11 insured months", Insured(11), BenefitOutcome.Ineligible, 0, InsuredMonthsBelowMinimum },
        { "1.(4).4 12 insured months", Insured(12), BenefitOutcome.Eligible, 12, DurationByInsuredMonths },
        { "1.(4).4 59 insured months", Insured(59), BenefitOutcome.Eligible, 12, DurationByInsuredMonths },
        { "1.(4).4 60 insured months", Insured(60), BenefitOutcome.Eligible, 18, DurationByInsuredMonths },
        { "1.(4).4 119 insured months", Insured(119), BenefitOutcome.Eligible, 18, DurationByInsuredMonths },
        { "1.(4).4 120 insured months", Insured(120), BenefitOutcome.Eligible, 24, DurationByInsuredMonths },
        { "1.(4).4 300 insured months", Insured(300), BenefitOutcome.Eligible, 24, DurationByInsuredMonths },
        { "1.(4).2 resignation", Insured(60) with { Separation = SeparationReason.Resignation }, BenefitOutcome.Ineligible, 0, Resignation },
        { "1.(4).2 resigned for the employer's fault", Insured(60) with { Separation = SeparationReason.ResignedForEmployerFault }, BenefitOutcome.Eligible, 18, InvoluntarySeparation },
        { "1.(4).2 dismissed", Insured(60) with { Separation = SeparationReason.DismissedByEmployer }, BenefitOutcome.Eligible, 18, InvoluntarySeparation },
        { "1.(4).2 separation unknown", Insured(60) with { Separation = null }, BenefitOutcome.Undetermined, 0, SeparationMissing },
        { "1.(4).3 not registered", Insured(60) with { RegisteredUnemployed = false }, BenefitOutcome.Ineligible, 0, NotRegistered },
        { "1.(4).3 registration unknown", Insured(60) with { RegisteredUnemployed = null }, BenefitOutcome.Undetermined, 0, RegistrationMissing },
        {
            "1.(4).1 overlapping months in two places counted once (59, not 65)",
            Claim(Place("650100", new(2015, 1), 55), Place("110100", new(2019, 2), 10)),
            BenefitOutcome.Eligible, 12, InsuredMonthsMet
        },
        {
            "1.(4).1 two places without overlap add up (12 = 6 + 6)",
            Claim(Place("650100", new(2023, 1), 6), Place("110100", new(2023, 7), 6)),
            BenefitOutcome.Eligible, 12, InsuredMonthsMet
        },
        {
            "1.(4).4 unemployed again: new months plus carried-over months",
            Claim(Place("650100", new(2015, 1), 60), Place("650100", new(2021, 1), 36)) with { PreviousSpell = new PreviousSpell(new(2020, 1), 18, 6) },
            BenefitOutcome.Eligible, 24, DurationWithCarriedOver
        },
        {
            "1.(4).4 unemployed again: 24-month cap",
            Claim(Place("650100", new(2015, 1), 60), Place("650100", new(2021, 1), 60)) with { PreviousSpell = new PreviousSpell(new(2020, 1), 18, 6) },
            BenefitOutcome.Eligible, 24, DurationCapped
        },
        {
            "1.(4).4 unemployed again: fewer than 12 new months, only the remaining months",
            Claim(Place("650100", new(2015, 1), 60), Place("650100", new(2021, 1), 11)) with { PreviousSpell = new PreviousSpell(new(2020, 1), 18, 10) },
            BenefitOutcome.Eligible, 8, DurationRemainingOnly
        },
        {
            "1.(4).4 unemployed again: exactly 12 new months",
            Claim(Place("650100", new(2015, 1), 60), Place("650100", new(2021, 1), 12)) with { PreviousSpell = new PreviousSpell(new(2020, 1), 18, 10) },
            BenefitOutcome.Eligible, 20, DurationWithCarriedOver
        },
        {
            "1.(4).4 unemployed again: nothing remaining and fewer than 12 new months",
            Claim(Place("650100", new(2015, 1), 60), Place("650100", new(2021, 1), 11)) with { PreviousSpell = new PreviousSpell(new(2020, 1), 18, 18) },
            BenefitOutcome.Ineligible, 0, InsuredMonthsBelowMinimum
        },
    };

    [Theory]
    [Trait("clause", "1.(4)")]
    [MemberData(nameof(Cases))]
    public void Decide_NoticeCase_ExpectedOutcomeAndMaxMonths(string name, BenefitFacts facts, BenefitOutcome expected, int maxMonths, string reason)
    {
        var decision = _decider.Decide(facts, DecisionDate);

        Assert.True(expected == decision.Outcome, $"{name}: {decision.Outcome}, {string.Join(" ", decision.Explanation.ReasonCodes)}");
        Assert.Equal(maxMonths, decision.MaxMonths);
        Assert.Contains(reason, decision.Explanation.ReasonCodes);
    }

    [Fact]
    [Trait("clause", "1.(4)")]
    public void Decide_TwoPlaces_ReportsConsolidatedAndOverlappingMonths()
    {
        var decision = _decider.Decide(Claim(Place("650100", new(2015, 1), 55), Place("110100", new(2019, 2), 10)), DecisionDate);

        Assert.Equal(59, decision.ConsolidatedInsuredMonths);
        Assert.Equal(6, decision.OverlappingMonths);
    }

    [Fact]
    [Trait("clause", "1.(4)")]
    public void Decide_UnemployedAgain_CountsAfreshFromPreviousSpell()
    {
        var facts = Claim(Place("650100", new(2015, 1), 60), Place("650100", new(2021, 1), 36)) with { PreviousSpell = new PreviousSpell(new(2020, 1), 18, 6) };

        var decision = _decider.Decide(facts, DecisionDate);

        Assert.Equal(96, decision.ConsolidatedInsuredMonths);
        Assert.Equal(36, decision.CountedInsuredMonths);
        Assert.Equal(12, decision.CarriedOverMonths);
    }

    [Fact]
    [Trait("clause", "2.(4)")]
    public void Recalculate_TransferAddsMonthsElsewhere_LongerPeriod()
    {
        var original = _decider.Decide(Claim(Place("650100", new(2019, 1), 50)), DecisionDate);
        var consolidated = Claim(Place("650100", new(2019, 1), 50), Place("310100", new(2016, 11), 26));

        var recalculation = _decider.Recalculate(original, consolidated);

        Assert.Equal(12, original.MaxMonths);
        Assert.Equal(76, recalculation.Recalculated.ConsolidatedInsuredMonths);
        Assert.Equal(18, recalculation.Recalculated.MaxMonths);
        Assert.Equal(6, recalculation.AdditionalMonths);
        Assert.Equal(RecalculatedLonger, recalculation.Explanation.Checks[0].ReasonCode);
        Assert.Equal("2.(4)", recalculation.Explanation.Checks[0].ClauseId);
    }

    [Fact]
    [Trait("clause", "2.(4)")]
    public void Recalculate_TransferredMonthsAllOverlap_Unchanged()
    {
        var original = _decider.Decide(Claim(Place("650100", new(2019, 1), 50)), DecisionDate);

        var recalculation = _decider.Recalculate(original, Claim(Place("650100", new(2019, 1), 50), Place("310100", new(2019, 1), 20)));

        Assert.Equal(0, recalculation.AdditionalMonths);
        Assert.Equal(RecalculatedUnchanged, recalculation.Explanation.Checks[0].ReasonCode);
    }

    [Fact]
    [Trait("clause", "1.(4)")]
    public void Decide_BeforeParametersInForce_UndeterminedNamingParameter()
    {
        var decision = _decider.Decide(Insured(60), new DateOnly(1998, 12, 31));

        Assert.Equal(BenefitOutcome.Undetermined, decision.Outcome);
        Assert.Equal(["$.parameters.benefit.min_insured_months"], decision.Explanation.MissingFacts);
        Assert.Equal(ParameterMissing, decision.Explanation.Checks[0].ReasonCode);
    }

    private static readonly BenefitFacts AgainAfterHubGrant =
        Claim(Place("650100", new(2015, 1), 60), Place("650100", new(2021, 1), 24)) with { HubGrant = new PreviousGrant(new(2020, 1), 18) };

    /// <summary>1.(4) Decisions: months up to the month before the application; the hub's own grant; months paid elsewhere.</summary>
    public static TheoryData<string, BenefitFacts, BenefitOutcome, int, string> Decisions => new()
    {
        { "12 months, applied in the month after the last", Insured(12) with { ApplicationMonth = new(2024, 7) }, BenefitOutcome.Eligible, 12, InsuredMonthsMet },
        { "12 months, applied in the last month: 11 count", Insured(12) with { ApplicationMonth = new(2024, 6) }, BenefitOutcome.Ineligible, 0, InsuredMonthsBelowMinimum },
        { "12 months, applied in the first month: none count", Insured(12) with { ApplicationMonth = new(2023, 7) }, BenefitOutcome.Ineligible, 0, InsuredMonthsBelowMinimum },
        {
            "stated spell is the hub's grant",
            AgainAfterHubGrant with { PreviousSpell = new PreviousSpell(new(2020, 1), 18, 12) }, BenefitOutcome.Eligible, 18, PreviousSpellFromGrant
        },
        {
            "stated first benefit month contradicts the grant",
            AgainAfterHubGrant with { PreviousSpell = new PreviousSpell(new(2020, 2), 18, 12) }, BenefitOutcome.Ineligible, 0, PreviousSpellContradictsGrant
        },
        {
            "stated entitled months contradict the grant",
            AgainAfterHubGrant with { PreviousSpell = new PreviousSpell(new(2020, 1), 12, 12) }, BenefitOutcome.Ineligible, 0, PreviousSpellContradictsGrant
        },
        { "no spell stated, the hub granted one: received months missing", AgainAfterHubGrant, BenefitOutcome.Undetermined, 0, PreviousSpellReceivedMissing },
        { "1 month paid elsewhere", Insured(60) with { MonthsPaidElsewhere = 1 }, BenefitOutcome.Eligible, 17, DurationLessPaidElsewhere },
        { "every month paid elsewhere", Insured(60) with { MonthsPaidElsewhere = 18 }, BenefitOutcome.Ineligible, 0, DurationLessPaidElsewhere },
        { "more than entitled paid elsewhere", Insured(60) with { MonthsPaidElsewhere = 19 }, BenefitOutcome.Ineligible, 0, DurationLessPaidElsewhere },
    };

    [Theory]
    [Trait("clause", "1.(4)")]
    [MemberData(nameof(Decisions))]
    public void Decide_FactsDecision_ExpectedOutcomeAndMaxMonths(string name, BenefitFacts facts, BenefitOutcome expected, int maxMonths, string reason) =>
        Decide_NoticeCase_ExpectedOutcomeAndMaxMonths(name, facts, expected, maxMonths, reason);

    [Fact]
    [Trait("clause", "1.(4)")]
    public void Decide_StatedSpellContradictsTheHubsGrant_RefusalNamesTheField()
    {
        var decision = _decider.Decide(AgainAfterHubGrant with { PreviousSpell = new PreviousSpell(new(2020, 1), 12, 12) }, DecisionDate);

        var check = Assert.Single(decision.Explanation.Checks, c => c.RuleId == RulePreviousSpell);
        Assert.Equal(("1.(4)", true, "previous_spell.entitled_months"), (check.ClauseId, check.Failed, check.Inputs["field"]));
    }

    [Fact]
    [Trait("clause", "1.(4)")]
    public void Decide_NoSpellStatedAfterAGrantOfTheHub_MissingFactNamesTheReceivedMonths()
    {
        var decision = _decider.Decide(AgainAfterHubGrant, DecisionDate);

        Assert.Equal(["PreviousSpell.ReceivedMonths"], decision.Explanation.MissingFacts);
    }
}

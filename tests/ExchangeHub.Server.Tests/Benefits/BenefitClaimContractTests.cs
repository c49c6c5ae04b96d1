using ExchangeHub.V1;
using ExchangeHub.Contracts;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Server.Benefits;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Tests.Benefits;

/// <summary>A claim's history as the contract's record (pure, no database): what the gRPC reply and the person's file show.</summary>
public sealed class BenefitClaimContractTests
{
    private static readonly StoredClaim Claim = new("0f8fad5b-d9cb-469f-a165-70867728950e", "person-key", "650102199001011234",
        new DateOnly(2024, 9, 27), new DateOnly(2024, 10, 16), ["APP", "SMS"], ExchangeHub.Policy.Benefits.SeparationReason.ContractExpired, true, null, "DECIDED", false);

    private static BenefitDecisionEntry Decision(long id, bool current, long? supersedes, string reason, params string[] missing) => new(id, "GRANTED", 12, 0, 24,
        new DateOnly(2024, 10, 16), "xpcc-2024", "2024.1+sha256:abc", "facts-sha", 1_729_036_800_123, current, supersedes, reason,
        [
            new RuleOutcome
            {
                RuleId = "BENEFIT_INSURED_MONTHS", ClauseId = "1.(4)", ReasonCode = "BENEFIT_INSURED_MONTHS_MET", Result = "PASSED", Message = "24 months",
                Inputs = new Dictionary<string, string> { ["insuredMonths"] = "24" }, Parameters = new Dictionary<string, string> { ["minimum"] = "12" },
            },
            new RuleOutcome { RuleId = "BENEFIT_REGISTERED", ClauseId = "1.(4)", ReasonCode = "BENEFIT_NOT_REGISTERED", Result = "FAILED", Message = "no" },
            new RuleOutcome { RuleId = "BENEFIT_INVOLUNTARY", ClauseId = "1.(4)", ReasonCode = "BENEFIT_SEPARATION_MISSING", Result = "UNDETERMINED", Message = "?" },
        ], missing, new DateOnly(2024, 10, 16), 1_729_036_700_000);

    [Fact]
    public void Record_ClaimFields_DatesAsTextNoResidentId()
    {
        var record = BenefitClaimContract.Record(new BenefitClaimHistory(Claim, [], Overdue: true));

        Assert.Equal(("0f8fad5b-d9cb-469f-a165-70867728950e", "person-key", "2024-09-27", "2024-10-16", BenefitClaimStatus.Decided, true),
            (record.ClaimId, record.PersonKey, record.AppliedDate, record.DueDate, record.Status, record.Overdue));
        Assert.Equal([NotificationChannel.App, NotificationChannel.Sms], record.Channels);
        Assert.Empty(record.Decisions);
        Assert.DoesNotContain("650102199001011234", record.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_NoDueDate_EmptyText()
    {
        Assert.Equal("", BenefitClaimContract.Record(new BenefitClaimHistory(Claim with { DueOn = null }, [], false)).DueDate);
    }

    [Fact]
    public void Record_Decisions_InTheOrderRead()
    {
        var record = BenefitClaimContract.Record(new BenefitClaimHistory(Claim, [Decision(9, true, 8, "FACTS_CHANGED"), Decision(8, false, null, "DECIDED")],
            false));

        Assert.Equal([9L, 8L], record.Decisions.Select(d => d.DecisionId));
    }

    [Fact]
    public void Decision_Fields_PolicyAsIdAndVersionNoSupersededAsZero()
    {
        var first = BenefitClaimContract.Decision(Decision(8, false, null, "DECIDED"));
        var next = BenefitClaimContract.Decision(Decision(9, true, 8, "FACTS_CHANGED"));

        Assert.Equal((8L, ExchangeHub.V1.BenefitOutcome.Granted, 12, 0, 24, "2024-10-16", ("xpcc-2024", "2024.1", "abc"), "facts-sha", false, 0L, BenefitDecisionReason.Decided),
            (first.DecisionId, first.Outcome, first.MaxMonths, first.CarriedOverMonths, first.ConsolidatedInsuredMonths, first.DecisionDate,
                (first.PolicyId, first.PolicyVersion, first.PolicySha256), first.FactsSha256, first.IsCurrent, first.SupersedesDecisionId, first.Reason));
        Assert.Equal((1_729_036_800_123L, 1_729_036_700_000L), (first.DecideTime.ToDateTimeOffset().ToUnixTimeMilliseconds(),
            first.KnowledgeTime.ToDateTimeOffset().ToUnixTimeMilliseconds()));
        Assert.Equal((true, 8L, BenefitDecisionReason.FactsChanged), (next.IsCurrent, next.SupersedesDecisionId, next.Reason));
    }

    [Fact]
    public void Decision_Explanation_EveryRuleWithItsResult()
    {
        var rules = BenefitClaimContract.Decision(Decision(8, true, null, "DECIDED")).Explanation;

        Assert.Equal([RuleEvaluation.Passed, RuleEvaluation.Failed, RuleEvaluation.Undetermined], rules.Select(r => r.Result));
        Assert.Equal(("BENEFIT_INSURED_MONTHS", "1.(4)", "BENEFIT_INSURED_MONTHS_MET", "24 months"),
            (rules[0].RuleId, rules[0].ClauseId, rules[0].ReasonCode, rules[0].Message));
        Assert.Equal("24", rules[0].Inputs["insuredMonths"]);
        Assert.Equal("12", rules[0].Parameters["minimum"]);
    }

    /// <summary>2.(3): an UNDETERMINED decision names what is missing; any other names nothing.</summary>
    [Fact]
    [Trait("clause", "2.(3)")]
    public void Decision_MissingFacts_Named()
    {
        Assert.Equal(["Separation", "RegisteredUnemployed"],
            BenefitClaimContract.Decision(Decision(8, true, null, "DECIDED", "Separation", "RegisteredUnemployed")).MissingFacts);
        Assert.Empty(BenefitClaimContract.Decision(Decision(9, true, null, "DECIDED")).MissingFacts);
    }
}

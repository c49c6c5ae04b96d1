using ExchangeHub.V1;
using ExchangeHub.Contracts;
using ExchangeHub.Server.Skills;

namespace ExchangeHub.Server.Tests.Skills;

/// <summary>Skill-subsidy decisions and clawbacks as the contract's records (pure, no database).</summary>
public sealed class SkillSubsidyContractTests
{
    private static SkillDecisionEntry Decision(long? supersedes) => new(12, "CERT-2", "person-key", "4-01-02-01", 3, "GRANTED", 150_000,
        new DateOnly(2024, 11, 30), "xpcc-2024", "2024.1+sha256:abc", "facts-sha", 1_729_036_800_123, true, supersedes,
        [
            new RuleOutcome { RuleId = "SKILL_INSURED", ClauseId = "1.(3)", ReasonCode = "SKILL_INSURED_MET", Result = "PASSED", Message = "36 months" },
            new RuleOutcome { RuleId = "SKILL_BENEFIT", ClauseId = "1.(3)", ReasonCode = "SKILL_BENEFIT_UNKNOWN", Result = "UNDETERMINED", Message = "?" },
        ], 1_729_036_700_000);

    [Fact]
    public void Decision_Fields_PolicyAsIdAndVersionNoSupersededAsZero()
    {
        var record = SkillSubsidyContract.Decision(Decision(null));

        Assert.Equal((12L, "CERT-2", "person-key", "4-01-02-01", 3, SkillOutcome.Granted, 150_000L, "2024-11-30", ("xpcc-2024", "2024.1", "abc"),
                "facts-sha", 1_729_036_800_123L, 1_729_036_700_000L, true, 0L),
            (record.DecisionId, record.CertificateNumber, record.PersonKey, record.OccupationCode, record.Level, record.Outcome, record.AmountFen,
                record.DecisionDate, (record.PolicyId, record.PolicyVersion, record.PolicySha256), record.FactsSha256,
                record.DecideTime.ToDateTimeOffset().ToUnixTimeMilliseconds(), record.KnowledgeTime.ToDateTimeOffset().ToUnixTimeMilliseconds(),
                record.IsCurrent, record.SupersedesDecisionId));
        Assert.Equal(11L, SkillSubsidyContract.Decision(Decision(11)).SupersedesDecisionId);
        Assert.Equal([RuleEvaluation.Passed, RuleEvaluation.Undetermined], record.Explanation.Select(r => r.Result));
        Assert.Equal("SKILL_INSURED_MET", record.Explanation[0].ReasonCode);
    }

    [Fact]
    public void Clawback_Fields()
    {
        var record = SkillSubsidyContract.Clawback(new SkillClawbackEntry("CERT-2", "VOCATIONAL_TRAINING", "UNIT", "91650100MA7XXXXX0A", 80_000,
            new DateOnly(2024, 6, 3), 1_729_036_800_123));

        Assert.Equal(("CERT-2", RecoveredSubsidy.VocationalTraining, SubsidyRecipientKind.Unit, "91650100MA7XXXXX0A", 80_000L, "2024-06-03",
                1_729_036_800_123L),
            (record.CertificateNumber, record.RecoveredSubsidy, record.RecipientKind, record.RecipientKey, record.AmountFen, record.PaidOn,
                record.DecideTime.ToDateTimeOffset().ToUnixTimeMilliseconds()));
    }
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Skills;
using ExchangeHub.Server.Skills;

namespace ExchangeHub.Server.Tests.Skills;

/// <summary>
/// The stored codes of skill subsidies (pure, no database): every policy value maps to one code and back, spelled as the
/// events publish it (UPPER_SNAKE), so stored rows did not change with the explicit maps.
/// </summary>
public sealed class SkillCodesTests
{
    [Fact]
    public void Outcome_EveryValue_RoundTrips()
    {
        foreach (var outcome in Enum.GetValues<SkillOutcome>())
        {
            Assert.Equal(UpperSnake.Format(outcome), SkillCodes.Outcome(outcome));
            Assert.Equal(outcome, SkillCodes.OutcomeOf(SkillCodes.Outcome(outcome)));
        }
    }

    [Fact]
    public void Subsidy_EveryValue_RoundTrips()
    {
        foreach (var kind in Enum.GetValues<SubsidyKind>())
        {
            Assert.Equal(UpperSnake.Format(kind), SkillCodes.Subsidy(kind));
            Assert.Equal(kind, SkillCodes.SubsidyOf(SkillCodes.Subsidy(kind)));
        }
    }

    [Fact]
    public void Recipient_EveryValue_RoundTrips()
    {
        foreach (var kind in Enum.GetValues<RecipientKind>())
        {
            Assert.Equal(UpperSnake.Format(kind), SkillCodes.Recipient(kind));
            Assert.Equal(kind, SkillCodes.RecipientOf(SkillCodes.Recipient(kind)));
        }
    }

    [Fact]
    public void TrainingRecipientOf_TheFeedsNumbers()
    {
        Assert.Equal(RecipientKind.Unit, SkillCodes.TrainingRecipientOf((int)V1.SubsidyRecipientKind.Unit));
        Assert.Equal(RecipientKind.Person, SkillCodes.TrainingRecipientOf((int)V1.SubsidyRecipientKind.Person));
        Assert.Throws<InvalidOperationException>(() => SkillCodes.TrainingRecipientOf((int)V1.SubsidyRecipientKind.Unspecified));
    }

    [Theory]
    [InlineData("Granted")]
    [InlineData("")]
    public void OutcomeOf_UnknownText_Fails(string stored)
    {
        Assert.Throws<InvalidOperationException>(() => SkillCodes.OutcomeOf(stored));
    }
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Server.Benefits;

namespace ExchangeHub.Server.Tests.Benefits;

/// <summary>The stored codes of benefit claims: every policy value maps to one code and back (pure, no database).</summary>
public sealed class BenefitCodesTests
{
    [Fact]
    public void Outcome_EveryValue_RoundTripsToItsPublishedName()
    {
        var names = new Dictionary<BenefitOutcome, string>
        {
            [BenefitOutcome.Eligible] = "GRANTED", [BenefitOutcome.Ineligible] = "REFUSED", [BenefitOutcome.Undetermined] = "UNDETERMINED",
        };
        foreach (var outcome in Enum.GetValues<BenefitOutcome>())
        {
            Assert.Equal(names[outcome], BenefitCodes.Outcome(outcome));
            Assert.Equal(outcome, BenefitCodes.OutcomeOf(BenefitCodes.Outcome(outcome)));
        }
    }

    [Fact]
    public void Separation_EveryValue_RoundTripsAsUpperSnake()
    {
        foreach (var separation in Enum.GetValues<SeparationReason>())
        {
            Assert.Equal(UpperSnake.Format(separation), BenefitCodes.Separation(separation));
            Assert.Equal(separation, BenefitCodes.SeparationOf(BenefitCodes.Separation(separation)));
        }
    }

    [Theory]
    [InlineData("ContractExpired")]
    [InlineData("")]
    public void SeparationOf_UnknownText_Fails(string stored)
    {
        Assert.Throws<InvalidOperationException>(() => BenefitCodes.SeparationOf(stored));
    }

    [Fact]
    public void OutcomeOf_UnknownText_Fails()
    {
        Assert.Throws<InvalidOperationException>(() => BenefitCodes.OutcomeOf("ELIGIBLE"));
    }
}

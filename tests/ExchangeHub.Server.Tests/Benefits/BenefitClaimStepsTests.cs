using ExchangeHub.Server.Benefits;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Tests.Benefits;

/// <summary>The pure steps of a claim (no database): when a decision stands, why the next one is made, overdue.</summary>
public sealed class BenefitClaimStepsTests
{
    private static readonly DateOnly Due = new(2024, 10, 16);

    private static StoredBenefitDecision Current(string outcome) =>
        new(7, outcome, 12, 0, 24, new DateOnly(2024, 10, 16), "facts-sha", "draft+sha256:abc");

    [Fact]
    public void Stands_SameFactsAndPolicy_OnlyThen()
    {
        Assert.True(BenefitClaimSteps.Stands(Current("GRANTED"), "facts-sha", "draft+sha256:abc"));
        Assert.False(BenefitClaimSteps.Stands(Current("GRANTED"), "other-sha", "draft+sha256:abc"));
        Assert.False(BenefitClaimSteps.Stands(Current("GRANTED"), "facts-sha", "draft+sha256:def"));
        Assert.False(BenefitClaimSteps.Stands(null, "facts-sha", "draft+sha256:abc"));
    }

    [Theory]
    [InlineData(null, "DECIDED", false)]
    [InlineData("GRANTED", "RECALCULATED", true)]
    [InlineData("REFUSED", "FACTS_CHANGED", false)]
    [InlineData("UNDETERMINED", "FACTS_CHANGED", false)]
    public void Reason_FollowsTheCurrentDecision(string? current, string reason, bool recalculates)
    {
        var decision = current is null ? null : Current(current);

        Assert.Equal(reason, BenefitClaimSteps.Reason(decision));
        Assert.Equal(recalculates, BenefitClaimSteps.Recalculates(decision));
    }

    /// <summary>2.(3): GRANTED or REFUSED decides a claim; UNDETERMINED keeps it open (it can become overdue).</summary>
    [Theory]
    [Trait("clause", "2.(3)")]
    [InlineData("GRANTED", "DECIDED")]
    [InlineData("REFUSED", "DECIDED")]
    [InlineData("UNDETERMINED", "SUBMITTED")]
    public void StatusAfter_UndeterminedKeepsTheClaimOpen(string outcome, string status)
    {
        Assert.Equal(status, BenefitClaimSteps.StatusAfter(outcome));
        Assert.Equal(status == "DECIDED", BenefitClaimSteps.Decides(outcome));
    }

    [Theory]
    [InlineData(null, "2024-10-17", true)]
    [InlineData(null, "2024-10-16", false)]
    [InlineData("2024-10-16", "2024-12-01", false)]
    [InlineData("2024-10-17", "2024-10-17", true)]
    public void Overdue_OpenAfterTheDueDateOrFirstDecidedAfterIt(string? firstDecided, string today, bool overdue)
    {
        DateOnly[] decided = firstDecided is null ? [] : [DateOnly.Parse(firstDecided, System.Globalization.CultureInfo.InvariantCulture), new(2024, 12, 1)];

        Assert.Equal(overdue, BenefitClaimSteps.Overdue(Due, decided, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Overdue_NoDueDate_Never()
    {
        Assert.False(BenefitClaimSteps.Overdue(null, [], new DateOnly(2030, 1, 1)));
    }
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Explanations;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Refunds;

namespace ExchangeHub.Server.Tests.Refunds;

/// <summary>The refund workflow's steps (2.(1)) as the pure function decides them: no database, no hub.</summary>
public sealed class RefundWorkflowTests
{
    private const string Unit = "91350100M000100Y43";
    private const long DecisionId = 42;
    private static readonly DateOnly Today = new(2024, 7, 1);
    private static readonly DateOnly OfferDay = new(2024, 6, 3);

    [Fact]
    public void Decide_EligibleWithoutCase_OffersWithTodayAndAmount()
    {
        var step = RefundWorkflow.Decide(null, Decision(RefundOutcome.Eligible, 12_345), DecisionId, Today, applied: false);

        Assert.Equal(new RefundCase(Unit, 2024, RefundState.Offered, DecisionId, Today, 0, null, 12_345), step.Case);
        Assert.Equal([WorkflowEvent.Offered], step.Events);
    }

    [Fact]
    public void Decide_EligibleLabourDispatchNotApplied_AwaitsApplicationAndSaysSo()
    {
        var step = RefundWorkflow.Decide(null, Decision(RefundOutcome.Eligible, 12_345, RefundOffer.OnApplication), DecisionId, Today, applied: false);

        Assert.Equal(RefundState.AwaitingApplication, step.Case.State);
        Assert.Null(step.Case.OfferedOn);
        // Issue 13: not offered (2.(1)), but subscribers are told it may apply, so they need not poll.
        Assert.Equal([WorkflowEvent.AwaitingApplication], step.Events);
    }

    [Fact]
    public void Decide_LabourDispatchApplies_IsOffered()
    {
        var awaiting = Case(RefundState.AwaitingApplication, null);

        var step = RefundWorkflow.Decide(awaiting, Decision(RefundOutcome.Eligible, 12_345, RefundOffer.OnApplication), DecisionId, Today, applied: true);

        Assert.Equal(RefundState.Offered, step.Case.State);
        Assert.Equal(Today, step.Case.OfferedOn);
        Assert.Equal(12_345, step.Case.AmountFen);
        Assert.Equal([WorkflowEvent.Offered], step.Events);
    }

    [Fact]
    public void Decide_DeferralUnpaid_IsHeld()
    {
        var step = RefundWorkflow.Decide(null, Decision(RefundOutcome.Held, 0), DecisionId, Today, applied: false);

        Assert.Equal(RefundState.Held, step.Case.State);
        Assert.Equal([WorkflowEvent.Held], step.Events);
    }

    [Fact]
    public void Decide_HeldThenEligible_ReleasedAndOffered()
    {
        var held = Case(RefundState.Held, null);

        var step = RefundWorkflow.Decide(held, Decision(RefundOutcome.Eligible, 12_345), DecisionId, Today, applied: false);

        Assert.Equal(RefundState.Offered, step.Case.State);
        Assert.Equal(Today, step.Case.OfferedOn);
        Assert.Equal([WorkflowEvent.Released, WorkflowEvent.Offered], step.Events);
    }

    [Fact]
    public void Decide_OfferStandsWithSameAmount_KeepsOfferDayAndReminders()
    {
        var offered = Case(RefundState.Offered, 12_345) with { RemindersSent = 1, LastReminderOn = new DateOnly(2024, 6, 20) };

        var step = RefundWorkflow.Decide(offered, Decision(RefundOutcome.Eligible, 12_345), DecisionId, Today, applied: false);

        Assert.Equal(offered with { CurrentDecisionId = DecisionId }, step.Case);
        Assert.Empty(step.Events);
    }

    [Fact]
    public void Decide_OfferWithNewAmount_OfferedAgainFromToday()
    {
        var offered = Case(RefundState.Offered, 12_345) with { RemindersSent = 2, LastReminderOn = new DateOnly(2024, 6, 20) };

        var step = RefundWorkflow.Decide(offered, Decision(RefundOutcome.Eligible, 20_000), DecisionId, Today, applied: false);

        Assert.Equal(new RefundCase(Unit, 2024, RefundState.Offered, DecisionId, Today, 0, null, 20_000), step.Case);
        Assert.Equal([WorkflowEvent.Offered], step.Events);
    }

    [Theory]
    [InlineData(RefundOutcome.Eligible, 12_345)] // decided again, same amount
    [InlineData(RefundOutcome.Undetermined, 0)] // a fact went missing: nothing is clawed back
    public void Decide_ConfirmedNothingToSettle_StaysApprovedWithoutEvent(RefundOutcome outcome, long amountFen)
    {
        var approved = Case(RefundState.DisbursementApproved, 12_345);

        var step = RefundWorkflow.Decide(approved, Decision(outcome, amountFen), DecisionId, Today, applied: false, Settlement(12_345, 12_345));

        Assert.Equal(RefundState.DisbursementApproved, step.Case.State);
        Assert.Equal(12_345, step.Case.AmountFen);
        Assert.Empty(step.Events);
    }

    [Theory]
    [InlineData(RefundOutcome.Eligible, 20_000, 20_000)] // more due: paid the difference
    [InlineData(RefundOutcome.Ineligible, 0, 0)] // no longer due: recovered
    public void Decide_ConfirmedSettlementMovesMoney_AdjustedNeverReopened(RefundOutcome outcome, long amountFen, long dueFen)
    {
        var approved = Case(RefundState.DisbursementApproved, 12_345);

        var step = RefundWorkflow.Decide(approved, Decision(outcome, amountFen), DecisionId, Today, applied: false, Settlement(12_345, dueFen));

        Assert.Equal(RefundState.DisbursementApproved, step.Case.State);
        Assert.Equal(dueFen, step.Case.AmountFen);
        Assert.Equal([WorkflowEvent.Adjusted], step.Events);
    }

    [Fact]
    public void Decide_ConfirmedWithoutSettlement_NothingChanges()
    {
        var approved = Case(RefundState.DisbursementApproved, 12_345);

        var step = RefundWorkflow.Decide(approved, Decision(RefundOutcome.Ineligible, 0), DecisionId, Today, applied: false);

        Assert.Equal((12_345L, 0), (step.Case.AmountFen!.Value, step.Events.Count));
    }

    [Fact]
    public void Decide_WaivedDecidedAgain_StaysWaived()
    {
        var waived = Case(RefundState.Waived, 12_345);

        var step = RefundWorkflow.Decide(waived, Decision(RefundOutcome.Eligible, 12_345), DecisionId, Today, applied: false);

        Assert.Equal(RefundState.Waived, step.Case.State);
        Assert.Empty(step.Events);
    }

    [Fact]
    public void Decide_WaivedThenApplies_OfferedAgain()
    {
        var waived = Case(RefundState.Waived, 12_345);

        var step = RefundWorkflow.Decide(waived, Decision(RefundOutcome.Eligible, 12_345), DecisionId, Today, applied: true);

        Assert.Equal(RefundState.Offered, step.Case.State);
        Assert.Equal(Today, step.Case.OfferedOn);
        Assert.Equal([WorkflowEvent.Offered], step.Events);
    }

    [Theory]
    [InlineData(RefundOutcome.Ineligible, RefundState.Ineligible, WorkflowEvent.Ineligible)]
    [InlineData(RefundOutcome.Undetermined, RefundState.Undetermined, WorkflowEvent.Undetermined)]
    public void Decide_NotEligible_StateAndEvent(RefundOutcome outcome, RefundState state, WorkflowEvent published)
    {
        var step = RefundWorkflow.Decide(Case(RefundState.Offered, 12_345), Decision(outcome, 0), DecisionId, Today, applied: false);

        Assert.Equal(state, step.Case.State);
        Assert.Equal(DecisionId, step.Case.CurrentDecisionId);
        Assert.Equal([published], step.Events);
    }

    private static RefundCase Case(RefundState state, long? amountFen) =>
        new(Unit, 2024, state, 7, state == RefundState.Offered ? OfferDay : null, 0, null, amountFen);

    private static RefundDecision Decision(RefundOutcome outcome, long amountFen, RefundOffer offer = RefundOffer.Automatic) =>
        new(Unit, outcome, amountFen, 0.6m, amountFen * 10 / 6, SizeClass.Small, SizeClassSource.Official, 2024, new DateOnly(2024, 6, 30),
            outcome == RefundOutcome.Eligible ? offer : RefundOffer.None, new Explanation("test", "1", "sha", []));

    private static RefundAdjustment Settlement(long paidFen, long dueFen) =>
        new(Unit, paidFen, dueFen, dueFen - paidFen, RefundReasonCodes.SettledBaseCorrected, "1.(2)", SizeClass.Small, SizeClassSource.Provisional,
            new DateOnly(2024, 6, 30), new Explanation("test", "1", "sha", []));
}

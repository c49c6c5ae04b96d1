using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// The refund workflow of 2.(1) as a pure function: given a unit's case (if any) and its new decision, the case's
/// next state and the events to publish. An offer is dated <paramref name="offerDate"/> (the business date it is made
/// on: the decision date of the run or application). A confirmed (approved) refund is never reopened by a later
/// decision: its <paramref name="settlement"/> (<see cref="RefundAdjuster"/>, at the refund's frozen decision date)
/// moves money with a signed <see cref="WorkflowEvent.Adjusted"/> (多退少补), and without one nothing changes.
/// </summary>
public static class RefundWorkflow
{
    public static WorkflowStep Decide(RefundCase? current, RefundDecision decision, long decisionId, DateOnly offerDate, bool applied,
        RefundAdjustment? settlement = null)
    {
        var year = decision.ProgramYear ?? current?.ProgramYear ?? 0;
        var basis = current ?? new RefundCase(decision.Uscc, year, RefundState.Undetermined, decisionId, null, 0, null, null);
        basis = basis with { CurrentDecisionId = decisionId };

        if (current?.State == RefundState.DisbursementApproved)
        {
            return settlement is { Settles: true }
                ? new WorkflowStep(basis with { AmountFen = settlement.DueFen }, [WorkflowEvent.Adjusted])
                : new WorkflowStep(basis, []);
        }

        switch (decision.Outcome)
        {
            case RefundOutcome.Eligible when current?.State == RefundState.Waived && !applied:
                return new WorkflowStep(basis, []);
            case RefundOutcome.Eligible when decision.Offer == RefundOffer.OnApplication && !applied && current?.State != RefundState.Offered:
                // 2.(1): labour-dispatch units apply themselves; subscribers are told, once per decision.
                return new WorkflowStep(basis with { State = RefundState.AwaitingApplication }, [WorkflowEvent.AwaitingApplication]);
            case RefundOutcome.Eligible when current?.State == RefundState.Offered && current.AmountFen == decision.AmountFen:
                // Facts changed but not the refund: the standing offer (and its reminder clock) stays.
                return new WorkflowStep(basis, []);
            case RefundOutcome.Eligible when current?.State == RefundState.Held:
                return new WorkflowStep(Offer(basis, offerDate, decision.AmountFen), [WorkflowEvent.Released, WorkflowEvent.Offered]);
            case RefundOutcome.Eligible:
                return new WorkflowStep(Offer(basis, offerDate, decision.AmountFen), [WorkflowEvent.Offered]);
            case RefundOutcome.Held:
                return new WorkflowStep(basis with { State = RefundState.Held }, [WorkflowEvent.Held]);
            case RefundOutcome.Ineligible:
                return new WorkflowStep(basis with { State = RefundState.Ineligible }, [WorkflowEvent.Ineligible]);
            default:
                return new WorkflowStep(basis with { State = RefundState.Undetermined }, [WorkflowEvent.Undetermined]);
        }
    }

    private static RefundCase Offer(RefundCase basis, DateOnly offerDate, long amountFen) =>
        basis with { State = RefundState.Offered, OfferedOn = offerDate, RemindersSent = 0, LastReminderOn = null, AmountFen = amountFen };
}

using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// The refund workflow of 2.(1) as a pure function: given a unit's case (if any) and its new decision, the case's
/// next state and the events to publish. A confirmed (approved) refund is never reopened by a later decision: a
/// changed amount is settled with a signed <see cref="WorkflowEvent.Adjusted"/> (多退少补), and a missing fact never
/// claws money back.
/// </summary>
public static class RefundWorkflow
{
    public static WorkflowStep Decide(RefundCase? current, RefundDecision decision, long decisionId, DateOnly today, bool applied)
    {
        var year = decision.ProgramYear ?? current?.ProgramYear ?? 0;
        var basis = current ?? new RefundCase(decision.Uscc, year, RefundState.Undetermined, decisionId, null, 0, null, null);
        basis = basis with { CurrentDecisionId = decisionId };

        if (current?.State == RefundState.DisbursementApproved)
        {
            var due = decision.Outcome switch
            {
                RefundOutcome.Eligible or RefundOutcome.Held => decision.AmountFen == 0 && decision.Outcome == RefundOutcome.Held
                    ? current.AmountFen ?? 0
                    : decision.AmountFen,
                RefundOutcome.Ineligible => 0,
                _ => current.AmountFen ?? 0, // undetermined: nothing is recovered on a missing fact
            };
            return due == (current.AmountFen ?? 0)
                ? new WorkflowStep(basis, [])
                : new WorkflowStep(basis with { AmountFen = due }, [WorkflowEvent.Adjusted]);
        }

        switch (decision.Outcome)
        {
            case RefundOutcome.Eligible when current?.State == RefundState.Waived && !applied:
                return new WorkflowStep(basis, []);
            case RefundOutcome.Eligible when decision.Offer == RefundOffer.OnApplication && !applied && current?.State != RefundState.Offered:
                return new WorkflowStep(basis with { State = RefundState.AwaitingApplication }, []);
            case RefundOutcome.Eligible when current?.State == RefundState.Offered && current.AmountFen == decision.AmountFen:
                // Facts changed but not the refund: the standing offer (and its reminder clock) stays.
                return new WorkflowStep(basis, []);
            case RefundOutcome.Eligible when current?.State == RefundState.Held:
                return new WorkflowStep(Offer(basis, today, decision.AmountFen), [WorkflowEvent.Released, WorkflowEvent.Offered]);
            case RefundOutcome.Eligible:
                return new WorkflowStep(Offer(basis, today, decision.AmountFen), [WorkflowEvent.Offered]);
            case RefundOutcome.Held:
                return new WorkflowStep(basis with { State = RefundState.Held }, [WorkflowEvent.Held]);
            case RefundOutcome.Ineligible:
                return new WorkflowStep(basis with { State = RefundState.Ineligible }, [WorkflowEvent.Ineligible]);
            default:
                return new WorkflowStep(basis with { State = RefundState.Undetermined }, [WorkflowEvent.Undetermined]);
        }
    }

    private static RefundCase Offer(RefundCase basis, DateOnly today, long amountFen) =>
        basis with { State = RefundState.Offered, OfferedOn = today, RemindersSent = 0, LastReminderOn = null, AmountFen = amountFen };
}

using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Calendar.ClaimReasonCodes;

namespace ExchangeHub.Policy.Calendar;

/// <summary>
/// The 2.(3) time limit: a claim is decided within N working days of its application (N and the calendar regions are
/// parameters in force on the application day). Overdue when <c>asOf</c> is after the due day and it is still open.
/// A count through a year a needed calendar does not cover leaves the due day unknown (<see cref="ClaimDeadline.Due"/>
/// null, the check naming the calendar and year): never overdue, never guessed.
/// </summary>
public sealed class ClaimDeadlines(PolicySet policy)
{
    public ClaimDeadline Check(DateOnly appliedOn, DateOnly asOf)
    {
        var inputs = Values.Of(("applied_on", Values.Text(appliedOn)), ("as_of", Values.Text(asOf)));
        var limit = TimeLimit.Count(policy, policy.Claim.DecisionWorkingDays, policy.Claim.CalendarRegions, appliedOn, RuleTimeLimit, "2.(3)",
            CalendarMissing, inputs);
        if (limit is not { Due: { } due })
        {
            return new ClaimDeadline(appliedOn, limit.WorkingDays, null, asOf, false, Explanation.For(policy, [limit.Undetermined!]));
        }

        var overdue = asOf > due;
        var check = new RuleCheck(
            RuleTimeLimit,
            "2.(3)",
            overdue ? Overdue : InTime,
            !overdue,
            Values.Of(("applied_on", Values.Text(appliedOn)), ("as_of", Values.Text(asOf)), ("due", Values.Text(due))),
            limit.Parameters,
            $"due {Values.Text(due)}, {limit.WorkingDays} working days after {Values.Text(appliedOn)}");
        return new ClaimDeadline(appliedOn, limit.WorkingDays, due, asOf, overdue, Explanation.For(policy, [check]));
    }
}

using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Calendar.ClaimReasonCodes;

namespace ExchangeHub.Policy.Calendar;

/// <summary>
/// The 2.(3) time limit: a claim is decided within N working days of its application (N and the calendar regions are
/// parameters in force on the application day). Overdue when <c>asOf</c> is after the due day and it is still open.
/// </summary>
public sealed class ClaimDeadlines(PolicySet policy)
{
    public ClaimDeadline Check(DateOnly appliedOn, DateOnly asOf)
    {
        var days = policy.Claim.DecisionWorkingDays.At(appliedOn);
        var regions = policy.Claim.CalendarRegions.At(appliedOn)?.Value ?? [];
        var inputs = Values.Of(("applied_on", Values.Text(appliedOn)), ("as_of", Values.Text(asOf)));
        if (days is null
            || !new WorkingDayCalendar(policy.Calendars, regions).TryAddWorkingDays(appliedOn, days.Value, out var due))
        {
            var missingYear = policy.Calendars.National.ContainsKey(appliedOn.Year) ? appliedOn.Year + 1 : appliedOn.Year;
            var fact = days is null ? policy.Claim.DecisionWorkingDays.Path : $"$.calendar.national.{missingYear}";
            var missing = new RuleCheck(RuleTimeLimit, "2.(3)", CalendarMissing, false, inputs, Values.None, "the policy file has no time limit or calendar for this period", fact);
            return new ClaimDeadline(appliedOn, days?.Value ?? 0, null, asOf, false, Explanation.For(policy, [missing]));
        }

        var overdue = asOf > due;
        var parameters = Values.Of(("decision_working_days", Values.Text(days.Value)), ("calendar_regions", string.Join(",", ["national", .. regions])));
        var check = new RuleCheck(
            RuleTimeLimit,
            "2.(3)",
            overdue ? Overdue : InTime,
            !overdue,
            Values.Of(("applied_on", Values.Text(appliedOn)), ("as_of", Values.Text(asOf)), ("due", Values.Text(due))),
            parameters,
            $"due {Values.Text(due)}, {days.Value} working days after {Values.Text(appliedOn)}");
        return new ClaimDeadline(appliedOn, days.Value, due, asOf, overdue, Explanation.For(policy, [check]));
    }
}

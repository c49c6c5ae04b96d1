using ExchangeHub.Policy.Explanations;
using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Calendar;

/// <summary>
/// A time limit of N working days counted on the national calendar plus regions' local days, both dated parameters in
/// force on the start day (claims 2.(3), transfers 2.(4)). The due day, or the check that says why there is none: no
/// time limit in force, or a calendar that does not cover a year the count runs through (never guessed).
/// </summary>
internal sealed record TimeLimit(int WorkingDays, DateOnly? Due, IReadOnlyDictionary<string, string> Parameters, RuleCheck? Undetermined)
{
    public static TimeLimit Count(PolicySet policy, DatedSeries<int> workingDays, DatedSeries<IReadOnlyList<string>> regions, DateOnly start,
        string ruleId, string clause, string missingCode, IReadOnlyDictionary<string, string> inputs)
    {
        if (workingDays.At(start) is not { } days)
        {
            return new(0, null, Values.None, new RuleCheck(ruleId, clause, missingCode, false, inputs, Values.None,
                $"no time limit in force on {Values.Text(start)}", workingDays.Path));
        }

        var inForce = regions.At(start)?.Value ?? [];
        var parameters = Values.Of((workingDays.Path[(workingDays.Path.LastIndexOf('.') + 1)..], Values.Text(days.Value)),
            ("calendar_regions", string.Join(",", [HolidayCalendars.NationalName, .. inForce])));
        var deadline = new WorkingDayCalendar(policy.Calendars, inForce).AddWorkingDays(start, days.Value);
        return deadline.Gap is { } gap
            ? new(days.Value, null, parameters, new RuleCheck(ruleId, clause, missingCode, false, inputs, parameters,
                $"due date undetermined: {gap}", gap.Path))
            : new(days.Value, deadline.Due, parameters, null);
    }
}

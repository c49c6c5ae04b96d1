using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Calendar;

/// <summary>
/// When a benefit claim must be decided (2.(3)): <see cref="WorkingDays"/> working days after the application day.
/// <see cref="Due"/> is null when the policy file has no calendar for the years it would need (the explanation says so).
/// </summary>
public sealed record ClaimDeadline(DateOnly AppliedOn, int WorkingDays, DateOnly? Due, DateOnly AsOf, bool Overdue, Explanation Explanation)
{
    /// <summary>Why <see cref="Due"/> is unknown (e.g. "due date undetermined: calendar xinjiang year 2026 not covered"); null when it is known.</summary>
    public string? DueUndetermined => Due is null ? Explanation.Checks[0].Message : null;
}

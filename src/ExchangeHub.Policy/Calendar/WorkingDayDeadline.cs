namespace ExchangeHub.Policy.Calendar;

/// <summary>
/// The day <see cref="WorkingDays"/> working days after <see cref="Start"/>, or undetermined: <see cref="Due"/> is null
/// and <see cref="Gap"/> names the first calendar and year it runs through that the policy file does not cover.
/// </summary>
public sealed record WorkingDayDeadline(DateOnly Start, int WorkingDays, DateOnly? Due, CalendarGap? Gap);

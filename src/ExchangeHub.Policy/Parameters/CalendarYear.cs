namespace ExchangeHub.Policy.Parameters;

/// <summary>One year of a holiday calendar: days off on weekdays and make-up working days on weekends.</summary>
public sealed record CalendarYear(int Year, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> MakeUpWorkingDays, string Clause);

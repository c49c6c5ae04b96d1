namespace ExchangeHub.Policy.Parameters;

/// <summary>The national calendar by year, and regional additions (e.g. Xinjiang's local days) by region and year.</summary>
public sealed record HolidayCalendars(
    IReadOnlyDictionary<int, CalendarYear> National,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, CalendarYear>> Regions);

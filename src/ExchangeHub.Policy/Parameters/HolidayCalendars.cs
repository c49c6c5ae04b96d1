namespace ExchangeHub.Policy.Parameters;

/// <summary>
/// The national calendar by year, regional additions (e.g. Xinjiang's local days) by region and year, and the years
/// each calendar covers (2.(3) calendar coverage: <c>national</c> and each region's name). A year a calendar does not
/// cover is never guessed: a deadline through it is undetermined.
/// </summary>
public sealed record HolidayCalendars(
    IReadOnlyDictionary<int, CalendarYear> National,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, CalendarYear>> Regions,
    IReadOnlyDictionary<string, IReadOnlySet<int>> Coverage)
{
    /// <summary>The name of the national calendar in <see cref="Coverage"/>.</summary>
    public const string NationalName = "national";
}

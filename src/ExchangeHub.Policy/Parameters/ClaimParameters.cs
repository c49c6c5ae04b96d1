namespace ExchangeHub.Policy.Parameters;

/// <summary>Benefit-claim handling parameters (2.(3)): the time limit and the calendar regions it is counted on.</summary>
public sealed record ClaimParameters(
    DatedSeries<int> DecisionWorkingDays,
    DatedSeries<IReadOnlyList<string>> CalendarRegions);

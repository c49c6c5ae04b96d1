namespace ExchangeHub.Policy.Benefits;

/// <summary>Months in which unit and individual paid premiums in one place (统筹地区); months repeated across places count once.</summary>
public sealed record InsuredPlace(string PlaceCode, IReadOnlyCollection<YearMonth> Months);

namespace ExchangeHub.Policy.Skills;

/// <summary>A skill certificate: occupation code <c>D-DD-DD-DD</c>, level 5 (初级) … 1 (高级技师), issue date.</summary>
public sealed record Certificate(string Number, string OccupationCode, int Level, DateOnly IssuedOn);

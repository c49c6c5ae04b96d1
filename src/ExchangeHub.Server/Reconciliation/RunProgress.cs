namespace ExchangeHub.Server.Reconciliation;

/// <summary>How far a run is: subjects done out of the total.</summary>
public sealed record RunProgress(string RunId, int Done, int Total);

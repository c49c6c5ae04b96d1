namespace ExchangeHub.Server.Configuration;

/// <summary>
/// The <c>Hub:Decisions</c> section: whether decisions follow the data (issue 14, item 3) — a feed batch that changes
/// the facts of a unit already decided marks it, and the hub re-decides it by itself once the mark is due.
/// </summary>
public sealed class DecisionOptions
{
    /// <summary>False: feeds mark nothing and nothing is re-decided until the next run (the switch of every replica).</summary>
    public bool Follow { get; set; } = true;

    /// <summary>
    /// How long after the last batch that changed a unit's facts the unit is re-decided: a burst of batches for one unit
    /// gives one re-decision. 50 ms to 1 hour.
    /// </summary>
    public TimeSpan FollowDelay { get; set; } = TimeSpan.FromSeconds(3);
}

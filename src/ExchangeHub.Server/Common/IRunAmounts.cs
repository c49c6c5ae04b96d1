namespace ExchangeHub.Server.Common;

/// <summary>
/// The programme's account of a run's decisions (<see cref="RunAmounts"/>), so the run's read side needs none of the
/// programme's tables or rules; the refund programme implements it from its decisions.
/// </summary>
public interface IRunAmounts
{
    Task<RunAmounts> AmountsAsync(string runId, CancellationToken ct);
}

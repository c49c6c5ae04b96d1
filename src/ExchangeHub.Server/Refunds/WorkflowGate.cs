namespace ExchangeHub.Server.Refunds;

/// <summary>
/// Serialises the steps that read and then write a unit's refund case: a chunk of a run, an application, a
/// confirmation, a waiver, a reminder. Without it a confirmation landing between a run's read and its write would be
/// overwritten (a lost update), or an application and a run could both supersede the same decision. Steps are short
/// (a run holds it one chunk at a time). In-process only: across replicas on PostgreSQL each step also locks its units
/// (<see cref="Storage.ClusterLocks.LockAsync"/> with <see cref="Storage.LockScope.Subject"/>) before it reads them.
/// </summary>
public sealed class WorkflowGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

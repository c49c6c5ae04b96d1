namespace ExchangeHub.Server.Storage;

/// <summary>
/// One holder at a time, in this process and in every replica sharing the PostgreSQL database: a semaphore here plus a
/// session advisory lock (<see cref="ClusterLocks.HoldAsync"/>) there. A killed replica's hold ends with its connection.
/// Used by the workflows that decide one thing after another (reconciliation runs; benefit, transfer and skill
/// decisions), so that two replicas never decide the same subject at the same time.
/// </summary>
public sealed class ClusterMutex(HubDatabase database, string name) : IDisposable
{
    private readonly SemaphoreSlim _local = new(1, 1);

    /// <summary>Waits for the mutex.</summary>
    public async Task<IAsyncDisposable> EnterAsync(CancellationToken ct)
    {
        await _local.WaitAsync(ct);
        try
        {
            return new Held(_local, await database.HoldAsync(LockScope.Workflow, name, ct));
        }
        catch
        {
            _local.Release();
            throw;
        }
    }

    /// <summary>Takes the mutex if it is free here and in every replica; null otherwise.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(CancellationToken ct)
    {
        if (!await _local.WaitAsync(TimeSpan.Zero, ct))
        {
            return null;
        }
        try
        {
            if (await database.TryHoldAsync(LockScope.Workflow, name, ct) is { } cluster)
            {
                return new Held(_local, cluster);
            }
        }
        catch
        {
            _local.Release();
            throw;
        }
        _local.Release();
        return null;
    }

    public void Dispose() => _local.Dispose();

    private sealed class Held(SemaphoreSlim local, IAsyncDisposable cluster) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }
            try
            {
                await cluster.DisposeAsync();
            }
            finally
            {
                local.Release();
            }
        }
    }
}

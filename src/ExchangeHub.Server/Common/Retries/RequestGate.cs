using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Common.Retries;

/// <summary>
/// One call at a time per request id: an in-process gate per key, and on PostgreSQL a cluster-wide advisory lock
/// (Storage/ClusterLocks, <see cref="LockScope.RequestId"/>) so two replicas given the same id never both run the
/// handler. The lock is PostgreSQL's, on a connection of its own: a replica that dies frees it at once.
/// </summary>
public sealed class RequestGate(HubDatabase database)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits until no other call holds <paramref name="key"/>, then holds it until the result is disposed.</summary>
    public async Task<IAsyncDisposable> EnterAsync(RequestKey key, CancellationToken ct)
    {
        var text = key.LockKey;
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(text, out entry!))
            {
                entry = new Entry();
                _entries[text] = entry;
            }
            entry.Users++;
        }
        try
        {
            await entry.Gate.WaitAsync(ct);
        }
        catch
        {
            Leave(text, entry);
            throw;
        }
        try
        {
            var cluster = await database.HoldAsync(LockScope.RequestId, text, ct);
            return new Held(this, text, entry, cluster);
        }
        catch
        {
            entry.Gate.Release();
            Leave(text, entry);
            throw;
        }
    }

    private void Leave(string text, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(text);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Held(RequestGate owner, string text, Entry entry, IAsyncDisposable cluster) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await cluster.DisposeAsync();
            }
            finally
            {
                entry.Gate.Release();
                owner.Leave(text, entry);
            }
        }
    }
}

namespace ExchangeHub.Benchmarks.Relay;

/// <summary>
/// The relay bench hosts the hub in its own process, so what the bench built for itself — 100,000 events and their
/// baseline envelopes, hundreds of MiB — would stay on the heap the hub's relay runs in (locals of an async method live
/// until it ends) and every full garbage collection during the timed relay would mark it; a hub process holds none of
/// it. The bench drops its references after their last use and collects once, untimed, before the hub starts.
/// </summary>
internal static class BenchHeap
{
    /// <summary>A blocking, compacting full collection; returns the heap size after it, for the log.</summary>
    public static string Release()
    {
        var before = GC.GetTotalMemory(forceFullCollection: false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var after = GC.GetTotalMemory(forceFullCollection: false);
        return $"bench heap {before / (1024 * 1024):N0} MiB -> {after / (1024 * 1024):N0} MiB before the hub runs (untimed)";
    }
}

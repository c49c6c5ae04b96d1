namespace ExchangeHub.Benchmarks.Ingest;

/// <summary>
/// Samples the hub's resident set size (VmRSS) every few hundred milliseconds while it runs, so a long run reports
/// its memory along the way (the kernel's VmHWM gives the exact peak, but only for the whole process life).
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly HubProcess _hub;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _windowPeak;

    public RssSampler(HubProcess hub, TimeSpan interval)
    {
        _hub = hub;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                do
                {
                    Sample();
                }
                while (await timer.WaitForNextTickAsync(_stop.Token));
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
        });
    }

    public int Samples { get; private set; }

    /// <summary>The highest sample since the last call (then starts a new window).</summary>
    public long TakeWindowPeak()
    {
        Sample();
        return Interlocked.Exchange(ref _windowPeak, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private void Sample()
    {
        var rss = _hub.ResidentBytes();
        Samples++;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _windowPeak);
        }
        while (rss > seen && Interlocked.CompareExchange(ref _windowPeak, rss, seen) != seen);
    }
}

using ExchangeHub.Benchmarks.Ingest;
using ExchangeHub.Benchmarks.Reporting;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// The hub's memory during one <c>RunReconciliation</c> (issue 11, item 7: peak RSS at most 256 MiB). Started when
/// the pushes have ended: resets the kernel's VmHWM to the current RSS, so the peak read when the run ends is the
/// run's and not the ingestion's, and samples VmRSS meanwhile, which gives the peak on its own when the kernel
/// refuses the reset and bounds it from below when it does not.
/// </summary>
internal sealed class RunMemoryProbe : IAsyncDisposable
{
    public const double PeakRssGoalMiB = 256;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly HubProcess _hub;
    private readonly bool _reset;
    private readonly long _atStart;
    private readonly long _sinceHubStart;
    private readonly RssSampler _sampler;
    private bool _stopped;

    private RunMemoryProbe(HubProcess hub)
    {
        _hub = hub;
        _sinceHubStart = hub.PeakResidentBytes();
        _reset = hub.ResetPeakResident();
        _atStart = hub.ResidentBytes();
        _sampler = new RssSampler(hub, Interval);
    }

    /// <summary>Call right before the run starts, after every push.</summary>
    public static RunMemoryProbe Start(HubProcess hub)
    {
        var probe = new RunMemoryProbe(hub);
        if (!probe._reset)
        {
            Console.WriteLine($"    note: could not reset the hub's VmHWM; the run's peak is the highest VmRSS sampled every {Interval.TotalMilliseconds:N0} ms");
        }

        return probe;
    }

    /// <summary>Call right after the run's final message, before the hub stops.</summary>
    public async Task<ReconcileMemory> StopAsync()
    {
        var sampled = _sampler.TakeWindowPeak();
        var samples = _sampler.Samples;
        await DisposeAsync();
        var highWater = _hub.PeakResidentBytes();
        var peak = _reset ? Math.Max(highWater, sampled) : sampled;
        var peakMiB = MiB(peak);
        return new ReconcileMemory(
            peakMiB,
            PeakRssGoalMiB,
            peakMiB <= PeakRssGoalMiB,
            _reset
                ? $"VmHWM reset to VmRSS (clear_refs 5) right before the run, read when it ended; at least the VmRSS sampled every {Interval.TotalMilliseconds:N0} ms"
                : $"VmRSS sampled every {Interval.TotalMilliseconds:N0} ms during the run (the kernel refused the VmHWM reset)",
            MiB(_atStart),
            MiB(sampled),
            samples,
            Interval.TotalMilliseconds,
            MiB(Math.Max(_sinceHubStart, highWater)));
    }

    /// <summary>Stops the sampling (once; also when the run failed before <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _sampler.DisposeAsync();
        }
    }

    private static double MiB(long bytes) => Math.Round(bytes / 1048576.0, 1);
}

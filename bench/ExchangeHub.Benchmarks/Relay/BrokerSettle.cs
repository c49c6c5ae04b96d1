using System.Diagnostics;

namespace ExchangeHub.Benchmarks.Relay;

/// <summary>
/// Waits until a broker on this machine is idle before a timed part. Deleting a queue of 100,000 persistent messages
/// (every part deletes its queue) leaves RabbitMQ collecting its message store for several seconds afterwards, at 60-70 %
/// of a core with nothing published (2026-12-01, <c>/proc</c> samples of <c>beam.smp</c>): the next part ran beside that
/// work, and the parts after the baseline's six runs paid the most. Each timed part now starts on a settled broker.
/// A broker elsewhere (no <c>beam.smp</c> here) gets a fixed pause instead.
/// </summary>
internal static class BrokerSettle
{
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    /// <summary>Returns how long it waited.</summary>
    public static async Task<TimeSpan> WaitAsync()
    {
        var clock = Stopwatch.StartNew();
        var beam = FindBeam();
        if (beam is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return clock.Elapsed;
        }
        var ticksPerSecond = 100.0; // USER_HZ on Linux
        var quiet = 0;
        var last = CpuTicks(beam.Value);
        while (clock.Elapsed < Longest && quiet < 2)
        {
            await Task.Delay(Sample);
            var now = CpuTicks(beam.Value);
            if (now is null || last is null)
            {
                break; // the broker went away: the part will say so
            }
            var share = (now.Value - last.Value) / ticksPerSecond / Sample.TotalSeconds;
            quiet = share < 0.10 ? quiet + 1 : 0;
            last = now;
        }
        return clock.Elapsed;
    }

    private static int? FindBeam()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "beam.smp")
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

    private static long? CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The fields after the command name (which may hold spaces) start after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) // utime (field 14)
                + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture); // stime (field 15)
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}

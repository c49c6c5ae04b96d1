using System.Runtime.InteropServices;

namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>What the numbers were measured on.</summary>
internal sealed record MachineInfo(
    int ProcessorCount,
    string CpuModel,
    long MemoryTotalMiB,
    string Os,
    string Runtime,
    string Sqlite3,
    string LoadAverageAtStart)
{
    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine skews the timings.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static MachineInfo Current(string sqliteVersion, string loadAverageAtStart) => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? "unknown",
        long.TryParse(ProcField("/proc/meminfo", "MemTotal")?.Split(' ')[0], out var kb) ? kb / 1024 : 0,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        sqliteVersion.Split(' ')[0],
        loadAverageAtStart);

    private static string? ProcField(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}

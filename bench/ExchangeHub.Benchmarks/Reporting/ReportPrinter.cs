using System.Globalization;
using System.Text.Json;

namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>Prints the result table and writes it as JSON.</summary>
internal static class ReportPrinter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Print(IngestReport r)
    {
        var rows = new (string Name, string Value, string Goal)[]
        {
            ("lines", N(r.Lines), ""),
            ("hub seconds", F(r.HubSeconds, "N2"), ""),
            ("hub rows/s", N(r.HubRowsPerSecond), ""),
            ("sqlite3 .import seconds", F(r.Sqlite3Seconds, "N2"), ""),
            ("sqlite3 .import rows/s", N(r.Sqlite3RowsPerSecond), ""),
            ("ratio hub / sqlite3", F(r.Ratio, "N3"), $">= {F(r.RatioGoal, "N1")}  {Verdict(r.RatioPass)}"),
            ("hub retry rows/s", N(r.Retry.RowsPerSecond), ""),
            ("ratio retry / first send", F(r.Retry.RatioToFirstSend, "N3"), $">= {F(r.Retry.RatioGoal, "N1")}  {Verdict(r.Retry.RatioPass)}"),
            ("hub peak RSS (MiB)", F(r.HubPeakRssMiB, "N1"), $"< {F(r.PeakRssGoalMiB, "N0")}  {Verdict(r.PeakRssPass)}"),
        };

        Console.WriteLine();
        Console.WriteLine($"{"measure",-26} {"value",14}   goal");
        Console.WriteLine(new string('-', 60));
        foreach (var (name, value, goal) in rows)
        {
            Console.WriteLine($"{name,-26} {value,14}   {goal}");
        }

        Console.WriteLine(new string('-', 60));
        Console.WriteLine($"hub summary: batches {N(r.Batches)}, accepted {N(r.Accepted)}, duplicate {N(r.Duplicate)}, corrected {N(r.Corrected)}, rejected {N(r.Rejected)}");
        Console.WriteLine(r.BaselineRowsDifferingFromHub == 0
            ? "baseline table: same rows as the hub's (every column compared)"
            : $"baseline table: {N(r.BaselineRowsDifferingFromHub)} rows differ from the hub's (see the column sources above)");
        var m = r.Machine;
        Console.WriteLine($"machine: nproc {m.ProcessorCount}, {m.CpuModel}, {N(m.MemoryTotalMiB)} MiB RAM, {m.Os}, {m.Runtime}, sqlite3 {m.Sqlite3}");
        Console.WriteLine($"load average at start: {m.LoadAverageAtStart} (other work on the machine skews the timings)");
    }

    public static async Task WriteJsonAsync(IngestReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, Json);
        Console.WriteLine($"results: {path}");
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

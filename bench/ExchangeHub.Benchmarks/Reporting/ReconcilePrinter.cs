using System.Globalization;
using System.Text.Json;

namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>Prints the <c>reconcile</c> results and writes them as JSON.</summary>
internal static class ReconcilePrinter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Print(ReconcileReport r)
    {
        var run = r.Run;
        var p = r.HubPhasesSeenByClient;
        Console.WriteLine();
        Console.WriteLine($"run {run.RunId}: {run.Status}, policy {run.Policy}");
        Console.WriteLine($"  units {N(run.Units)}, decided {N(run.Decided)}, unchanged {N(run.Unchanged)}: eligible {N(run.Eligible)}, "
            + $"ineligible {N(run.Ineligible)}, held {N(run.Held)}, undetermined {N(run.Undetermined)}; exceptions {N(run.Exceptions)}; "
            + $"amount {N(run.AmountFen / 100.0)} yuan");
        Console.WriteLine($"  phases seen by the client: facts read {S(p.FactsReadSeconds)}, units decided + committed {S(p.UnitsSeconds)}, "
            + $"rate check + exceptions + completion {S(p.FinishSeconds)} ({p.ProgressMessages} progress messages)");

        var rows = new (string Name, string Value, string Goal)[]
        {
            ("hub RunReconciliation s", F(r.HubSeconds, "N2"), ""),
            ("sqlite3 GROUP BY s (warm)", F(r.Sqlite3Seconds, "N2"), $"(cold run: {F(r.Sqlite3ColdSeconds, "N2")} s, {N(r.Sqlite3Groups)} groups)"),
            ("ratio hub / sqlite3", F(r.Ratio, "N2"), $"<= {F(r.RatioGoal, "N1")}  {(r.RatioPass ? "PASS" : "FAIL")}"),
            ("hub peak RSS, run (MiB)", F(r.HubPeakRssDuringRunMiB, "N0"), $"(since hub start: {F(r.HubPeakRssSinceStartMiB, "N0")} MiB)"),
        };
        Console.WriteLine();
        Console.WriteLine($"{"measure",-27} {"value",10}   goal");
        Console.WriteLine(new string('-', 78));
        foreach (var (name, value, goal) in rows)
        {
            Console.WriteLine($"{name,-27} {value,10}   {goal}");
        }

        Console.WriteLine(new string('-', 78));
        if (r.Profile is { } profile)
        {
            Console.WriteLine("profile (each step alone, in-process, hub's own classes, same database file):");
            foreach (var s in profile)
            {
                Console.WriteLine($"  {F(s.Seconds, "N2"),7} s  {s.Step}  [{s.Note}]");
            }

            Console.WriteLine($"  {F(r.HubSeconds - profile.Where(s => !s.Step.StartsWith("aggregate", StringComparison.Ordinal)).Sum(s => s.Seconds), "N2"),7} s  "
                + "the rest of the hub's run: writing decisions, cases, outbox rows, exceptions; commits; gRPC");
        }

        Console.WriteLine($"pushes (not timed): units {F(r.Pushes.UnitsSeconds, "N1")} s, lines {F(r.Pushes.LinesSeconds, "N1")} s, "
            + $"settlements {F(r.Pushes.SettlementsSeconds, "N1")} s, {N(r.Pushes.BatchSize)} records per message");
        var m = r.Machine;
        Console.WriteLine($"machine: nproc {m.ProcessorCount}, {m.CpuModel}, {N(m.MemoryTotalMiB)} MiB RAM, {m.Os}, {m.Runtime}, sqlite3 {m.Sqlite3}");
        Console.WriteLine($"load average at start: {m.LoadAverageAtStart} (other work on the machine skews the timings)");
    }

    public static async Task WriteJsonAsync(ReconcileReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, Json);
        Console.WriteLine($"results: {path}");
    }

    private static string S(double? seconds) => seconds is { } s ? F(s, "N2") + " s" : "n/a";

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

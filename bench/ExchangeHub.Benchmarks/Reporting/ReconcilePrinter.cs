using System.Globalization;
using System.Text.Json;

namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>Prints the <c>reconcile</c> results and writes them as JSON.</summary>
internal static class ReconcilePrinter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Both data sets side by side, then the machine.</summary>
    public static void Print(ReconcileReport report)
    {
        Console.WriteLine();
        Console.WriteLine($"reconcile: {F(report.Minutes, "N1")} minutes"
            + (report.Large is { } l ? $" ({F(l.WallSeconds / 60, "N1")} of them for the {N(l.Units)}-unit data set)" : ""));
        Console.WriteLine($"{"units",9} {"hub s",8} {"sqlite3 s",10} {"ratio",6} {"ratio goal",-15} {"peak RSS MiB",13} {"RSS goal",-14} {"RSS at start",13}");
        Console.WriteLine(new string('-', 96));
        foreach (var d in new[] { report.Standard, report.Large }.OfType<ReconcileDataSetReport>())
        {
            var ratioGoal = d.RatioGoal is { } g ? $"<= {F(g, "N0")} {Verdict(d.RatioPass == true)}" : "(no goal)";
            var m = d.Memory;
            Console.WriteLine($"{N(d.Units),9} {F(d.HubSeconds, "N2"),8} {F(d.Sqlite3Seconds, "N2"),10} {F(d.Ratio, "N2"),6} {ratioGoal,-15} "
                + $"{F(m.PeakDuringRunMiB, "N0"),13} {"<= " + F(m.PeakRssGoalMiB, "N0") + " " + Verdict(m.PeakRssPass),-14} {F(m.RssAtRunStartMiB, "N0"),13}");
        }

        if (report.LargeError is { } error)
        {
            Console.WriteLine($"ERROR (second data set): {error}");
        }

        Console.WriteLine(new string('-', 96));
        Console.WriteLine($"peak RSS: {report.Standard.Memory.Method}"
            + (report.Standard.FreshHubForRun ? "; each run in a hub started anew after the pushes (--fresh-hub-for-run)" : "; each run in the hub that took the pushes"));
        var machine = report.Machine;
        Console.WriteLine($"machine: nproc {machine.ProcessorCount}, {machine.CpuModel}, {N(machine.MemoryTotalMiB)} MiB RAM, {machine.Os}, {machine.Runtime}, sqlite3 {machine.Sqlite3}");
        Console.WriteLine($"load average at start: {machine.LoadAverageAtStart} (other work on the machine skews the timings)");
    }

    /// <summary>One data set, right after it was measured.</summary>
    public static void Print(ReconcileDataSetReport r)
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
            ("ratio hub / sqlite3", F(r.Ratio, "N2"), r.RatioGoal is { } ratioGoal ? $"<= {F(ratioGoal, "N1")}  {Verdict(r.RatioPass == true)}" : "(no goal)"),
            ("hub peak RSS, run (MiB)", F(r.Memory.PeakDuringRunMiB, "N0"), $"<= {F(r.Memory.PeakRssGoalMiB, "N0")}  {Verdict(r.Memory.PeakRssPass)}  "
                + $"(at run start {F(r.Memory.RssAtRunStartMiB, "N0")}, sampled peak {F(r.Memory.SampledPeakDuringRunMiB, "N0")} in {N(r.Memory.RssSamples)} samples, "
                + $"since hub start {F(r.Memory.PeakSinceHubStartMiB, "N0")})"),
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

        if (r.ChunkIndex is { } c)
        {
            Console.WriteLine($"per-chunk variant (not used by the hub): index on contribution_lines(uscc) built in {F(c.IndexBuildSeconds, "N2")} s "
                + $"({F(c.IndexMiB, "N1")} MiB{(c.PlanUsesIndex ? "" : ", NOT used by the plan")}); {N(c.Chunks)} chunk queries of {N(c.UnitsPerChunk)} units "
                + $"{F(c.PerChunkQueriesSeconds, "N2")} s against one ordered pass {F(r.Sqlite3Seconds, "N2")} s");
        }

        Console.WriteLine($"pushes (not timed): units {F(r.Pushes.UnitsSeconds, "N1")} s, lines {F(r.Pushes.LinesSeconds, "N1")} s, "
            + $"settlements {F(r.Pushes.SettlementsSeconds, "N1")} s, {N(r.Pushes.BatchSize)} records per message; "
            + $"this data set took {F(r.WallSeconds, "N0")} s in all");
    }

    public static async Task WriteJsonAsync(ReconcileReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, Json);
        Console.WriteLine($"results: {path}");
    }

    private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

    private static string S(double? seconds) => seconds is { } s ? F(s, "N2") + " s" : "n/a";

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

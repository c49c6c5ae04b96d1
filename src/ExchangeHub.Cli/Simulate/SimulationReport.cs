using System.Globalization;
using ExchangeHub.Cli.Display;
using ExchangeHub.Synthetic;
using Spectre.Console;

namespace ExchangeHub.Cli.Simulate;

/// <summary>What <c>simulate</c> prints: the plan, then per push what the hub answered, then the first rejections.</summary>
public static class SimulationReport
{
    public const int RejectionsShown = 20;

    public static string Name(SimulationStep step) => step.Feed switch
    {
        SimulatedFeed.Units => "units",
        SimulatedFeed.Contributions => "contributions",
        SimulatedFeed.Settlements => "settlements",
        SimulatedFeed.TransferRequests => "transfer requests",
        SimulatedFeed.Certificates => "certificates",
        _ => "training subsidy payments",
    } + (step.Pass == SimulationPass.Late ? " (late)" : "");

    public static void WritePlan(IAnsiConsole console, SyntheticDataset data)
    {
        var s = data.Scale;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulate: {s.Units:N0} units, {s.Persons:N0} persons, programme year {s.ProgrammeYear} (lines of {s.AssessmentYear}), seed {s.Seed}: {data.TotalRecords:N0} records in {data.Steps.Count} pushes"));
    }

    public static void WriteSummary(IAnsiConsole console, IReadOnlyList<StepOutcome> outcomes, TimeSpan elapsed)
    {
        var table = Tables.Create("Feed", "Sent", "Accepted", "Duplicate", "Corrected", "Already corrected", "Rejected");
        foreach (var o in outcomes)
        {
            var s = o.Summary;
            table.Row(Name(o.Step), N(o.Step.Records), N(s.Accepted), N(s.Duplicate), N(s.Corrected), N(o.AlreadyCorrected), N(o.Rejected));
        }
        table.Row("total", N(outcomes.Sum(o => o.Step.Records)), N(outcomes.Sum(o => o.Summary.Accepted)),
            N(outcomes.Sum(o => o.Summary.Duplicate)), N(outcomes.Sum(o => o.Summary.Corrected)), N(outcomes.Sum(o => o.AlreadyCorrected)),
            N(outcomes.Sum(o => o.Rejected)));
        console.Write(table);
        var records = outcomes.Sum(o => o.Step.Records);
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{records:N0} records in {elapsed.TotalSeconds:0.0} s ({records / seconds:N0} records/s)"));

        var rejections = outcomes.SelectMany(o => o.Rejections.Select(r => (o.Step, Rejection: r))).Take(RejectionsShown).ToList();
        if (rejections.Count == 0)
        {
            return;
        }
        var total = outcomes.Sum(o => o.Rejected);
        console.MarkupLineInterpolated($"[red]{total} records rejected[/]; the first {rejections.Count}:");
        var list = Tables.Create("Feed", "Source record id", "Field", "Reason", "Message");
        foreach (var (step, r) in rejections)
        {
            list.Row(Name(step), r.SourceRecordId, r.Field, r.ReasonCode, r.Message);
        }
        console.Write(list);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

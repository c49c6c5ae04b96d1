using System.Globalization;
using ExchangeHub.Cli.Display;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Reconciliation;

/// <summary>A reconciliation run as a table: what was considered, decided and found.</summary>
public static class RunSummary
{
    public static void Write(IAnsiConsole console, ReconciliationRun run)
    {
        static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        var table = Tables.Fields($"Reconciliation run {run.RunId}")
            .Row("Run id", run.RunId)
            .Row("Program year", N(run.ProgramYear))
            .Row("Status", Tables.Coloured(run.Status))
            .Row("Requested by", run.RequestedBy)
            .Row("Started at", run.StartedAt)
            .Row("Completed at", run.CompletedAt)
            .Row("Units", N(run.Units))
            .Row("Decided", N(run.Decided))
            .Row("Unchanged", N(run.Unchanged))
            .Row("Eligible", N(run.Eligible))
            .Row("Ineligible", N(run.Ineligible))
            .Row("Held", N(run.Held))
            .Row("Undetermined", N(run.Undetermined))
            .Row("Exceptions", N(run.Exceptions))
            .Row("Amount (yuan)", Yuan.Format(run.AmountFen))
            .Row("Amount (fen)", run.AmountFen.ToString(CultureInfo.InvariantCulture))
            .Row("Policy", run.Policy);
        if (run.Error.Length > 0)
        {
            table.Row("Error", new Text(run.Error, new Style(Color.Red)));
        }
        console.Write(table);
    }
}

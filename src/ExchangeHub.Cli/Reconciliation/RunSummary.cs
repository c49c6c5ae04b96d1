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
            .Row("Decision date", run.DecisionDate)
            .Row("Status", Tables.Coloured(ContractText.Name(run.Status)))
            .Row("Requested by", run.RequestedBy)
            .Row("Started at", ContractText.Time(run.StartTime))
            .Row("Completed at", ContractText.Time(run.CompleteTime))
            .Row("Units", N(run.Units))
            .Row("Decided", N(run.Decided))
            .Row("Unchanged", N(run.Unchanged))
            .Row("Eligible", N(run.Eligible))
            .Row("Ineligible", N(run.Ineligible))
            .Row("Held", N(run.Held))
            .Row("Undetermined", N(run.Undetermined))
            .Row("Exceptions", N(run.Exceptions))
            .Row("Offered (yuan)", Yuan.Format(run.OfferedAmountFen))
            .Row("Held (yuan)", Yuan.Format(run.HeldAmountFen))
            .Row("Awaiting application (yuan)", Yuan.Format(run.AwaitingApplicationAmountFen))
            .Row("Policy", ContractText.Policy(run.PolicyId, run.PolicyVersion, run.PolicySha256));
        if (run.Error.Length > 0)
        {
            table.Row("Error", new Text(run.Error, new Style(Color.Red)));
        }
        console.Write(table);
    }
}

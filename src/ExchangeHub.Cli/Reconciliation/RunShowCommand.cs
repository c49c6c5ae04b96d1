using System.CommandLine;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Reconciliation;

/// <summary><c>exchangehub run show --run ID</c>: one run's summary. Exit 1 when there is no such run.</summary>
public static class RunShowCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromSeconds(30));
        var runId = new Option<string>("--run") { HelpName = "id", Description = "the run's id (printed by reconcile)", Required = true };
        var command = new Command("show", "Show one reconciliation run's summary.");
        hub.AddTo(command);
        command.Options.Add(runId);
        command.SetAction((result, ct) => HubCall.RunAsync(console, hub.Read(result), async session =>
        {
            var client = new ReconciliationService.ReconciliationServiceClient(session.Channel);
            var reply = await client.GetReconciliationRunAsync(new GetReconciliationRunRequest { RunId = result.GetValue(runId)! }, session.Call());
            RunSummary.Write(console, reply.Run);
            return 0;
        }, ct));
        return command;
    }
}

using System.CommandLine;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Grpc.Core;
using Spectre.Console;

namespace ExchangeHub.Cli.Reconciliation;

/// <summary>
/// <c>exchangehub reconcile [--date YYYY-MM-DD] [--program-year Y]</c>: starts a reconciliation run on the hub, shows its progress and
/// prints the run's summary. Exit 0 when the run completed, 1 when the hub refused it (another run going, a bad
/// date), 2 on error or a failed run.
/// </summary>
public static class ReconcileCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromMinutes(30));
        var date = new Option<string?>("--date")
        {
            HelpName = "YYYY-MM-DD",
            Description = "decision date YYYY-MM-DD: the refund programme open that day is reconciled (default: today, China Standard Time)",
        };
        var year = new Option<int>("--program-year")
        {
            HelpName = "YYYY",
            Description = "program year to decide (default 0: the one open on the date, or when none is open the latest that ended: "
                + "a settlement-only run of its approved refunds, POLICY.md 2.(1))",
        };
        var command = new Command("reconcile", "Run a reconciliation on the hub: decide every unit under the notice and publish the decisions.");
        hub.AddTo(command);
        command.Options.Add(date);
        command.Options.Add(year);
        command.SetAction((result, ct) => HubCall.RunAsync(console, hub.Read(result), async session =>
        {
            var client = new ReconciliationService.ReconciliationServiceClient(session.Channel);
            using var call = client.RunReconciliation(new RunReconciliationRequest { DecisionDate = result.GetValue(date) ?? "", ProgramYear = result.GetValue(year) }, session.Call());
            var run = console.Profile.Capabilities is { Interactive: true, Ansi: true }
                ? await ReadWithProgressBarAsync(console, call.ResponseStream, session.Cancellation)
                : await ReadAsync(call.ResponseStream, new PlainProgress(console).Report, session.Cancellation);
            if (run is null)
            {
                console.MarkupLine("[red]error:[/] the hub ended the run's stream without its summary");
                return 2;
            }
            RunSummary.Write(console, run);
            return run.Status == ReconciliationRunStatus.Completed ? 0 : 2;
        }, ct));
        return command;
    }

    private static async Task<ReconciliationRun?> ReadWithProgressBarAsync(IAnsiConsole console,
        IAsyncStreamReader<RunReconciliationResponse> stream, CancellationToken ct)
    {
        ReconciliationRun? run = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("reconciling", maxValue: 1);
                run = await ReadAsync(stream, (done, total) =>
                {
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = total == 0 ? 1 : done; // nothing to decide is done
                }, ct);
                task.StopTask();
            });
        return run;
    }

    private static async Task<ReconciliationRun?> ReadAsync(IAsyncStreamReader<RunReconciliationResponse> stream, Action<int, int> report,
        CancellationToken ct)
    {
        ReconciliationRun? run = null;
        await foreach (var message in stream.ReadAllAsync(ct))
        {
            if (message.Progress is { } progress)
            {
                report(progress.Done, progress.Total);
            }
            run = message.Run ?? run;
        }
        return run;
    }
}

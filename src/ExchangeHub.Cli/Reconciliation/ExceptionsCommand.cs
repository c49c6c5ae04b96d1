using System.CommandLine;
using ExchangeHub.Cli.Display;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Reconciliation;

/// <summary>
/// <c>exchangehub exceptions [--run ID] [--code CODE] [--uscc USCC] [--all] [--output table|json|csv]</c>: the mismatches between the agencies'
/// data that reconciliation found, for people to resolve.
/// </summary>
public static class ExceptionsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromSeconds(30));
        var paging = new PagingOptions();
        var output = new ListOutput();
        var runId = new Option<string?>("--run") { HelpName = "id", Description = "only this run's exceptions (default: every run)" };
        var code = new Option<string?>("--code") { Description = "only this code, e.g. CONTRIBUTION_RATE_MISMATCH" };
        var uscc = new Option<string?>("--uscc") { Description = "only this unit" };
        var command = new Command("exceptions", "List reconciliation exceptions (mismatches between the agencies' data).");
        hub.AddTo(command);
        command.Options.Add(runId);
        command.Options.Add(code);
        command.Options.Add(uscc);
        paging.AddTo(command);
        output.AddTo(command);
        command.SetAction((result, ct) => HubCall.RunAsync(console, hub.Read(result), async session =>
        {
            var client = new ReconciliationService.ReconciliationServiceClient(session.Channel);
            var (items, more) = await Pages.ReadAsync(result.GetValue(paging.All), async token =>
            {
                var page = await client.ListReconciliationExceptionsAsync(new ListReconciliationExceptionsRequest
                {
                    RunId = result.GetValue(runId) ?? "",
                    Code = result.GetValue(code) ?? "",
                    SubjectKey = result.GetValue(uscc) ?? "",
                    PageSize = result.GetValue(paging.PageSize),
                    PageToken = token,
                }, session.Call());
                return ((IEnumerable<ReconciliationExceptionRecord>)page.Exceptions, page.NextPageToken);
            });
            if (!ListOutput.Write(console, result.GetValue(output.Format), Columns, items))
            {
                return 0;
            }
            console.MarkupLineInterpolated($"{items.Count} exception(s)");
            if (more)
            {
                console.MarkupLine("[grey]more exceptions on the next pages: add --all to list every one[/]");
            }
            return 0;
        }, ct));
        return command;
    }

    private static readonly ListColumn<ReconciliationExceptionRecord>[] Columns =
    [
        new("Code", "code", x => x.Code),
        new("USCC", "subject_key", x => x.SubjectKey),
        new("Period", "period", x => x.Period),
        new("Detail", "detail", x => x.Detail),
        new("Run", "run_id", x => x.RunId),
    ];
}

using System.CommandLine;
using ExchangeHub.Cli.Display;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Refunds;

/// <summary><c>exchangehub refund list [--year 2024] [--outcome X] [--division 01] [--all]</c>: current decisions of a programme.</summary>
public static class RefundListCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromSeconds(30));
        var paging = new PagingOptions();
        var year = ProgramYear.Create();
        var outcome = new Option<string?>("--outcome") { Description = "only this outcome" };
        outcome.AcceptOnlyFromAmong("ELIGIBLE", "INELIGIBLE", "HELD", "UNDETERMINED");
        var division = new Option<string?>("--division") { Description = "only this XPCC division code, 00 to 14" };
        var command = new Command("list", "List the current refund decisions of a programme.");
        hub.AddTo(command);
        command.Options.Add(year);
        command.Options.Add(outcome);
        command.Options.Add(division);
        paging.AddTo(command);
        command.SetAction((result, ct) => HubCall.RunAsync(console, hub.Read(result), async session =>
        {
            var client = new RefundService.RefundServiceClient(session.Channel);
            var (decisions, more) = await Pages.ReadAsync(result.GetValue(paging.All), async token =>
            {
                var page = await client.ListRefundDecisionsAsync(new ListRefundDecisionsRequest
                {
                    ProgramYear = result.GetValue(year),
                    Outcome = EnumNames.Parse<RefundOutcome>(result.GetValue(outcome)),
                    DivisionCode = result.GetValue(division) ?? "",
                    PageSize = result.GetValue(paging.PageSize),
                    PageToken = token,
                }, session.Call());
                return ((IEnumerable<RefundDecisionRecord>)page.Decisions, page.NextPageToken);
            });
            var table = Tables.Create("USCC", "Outcome", "Amount (yuan)", "Rate", "Size class", "Division", "Decided at");
            foreach (var d in decisions)
            {
                table.AddRow(new Text(d.Uscc), Tables.Coloured(ContractText.Name(d.Outcome)), new Text(Yuan.Format(d.AmountFen)), new Text(d.Rate),
                    new Text(ContractText.Name(d.SizeClass)), new Text(d.DivisionCode), new Text(ContractText.Time(d.DecideTime)));
            }
            console.Write(table);
            console.MarkupLineInterpolated($"{decisions.Count} decision(s), {Yuan.WithFen(decisions.Sum(d => d.AmountFen))} in total");
            if (more)
            {
                console.MarkupLine("[grey]more decisions on the next pages: add --all to list every one[/]");
            }
            return 0;
        }, ct));
        return command;
    }
}

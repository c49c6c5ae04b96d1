using System.CommandLine;
using System.Globalization;
using ExchangeHub.Cli.Display;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Refunds;

/// <summary><c>exchangehub refund list [--year 2024] [--outcome X] [--division 01] [--all] [--output table|json|csv]</c>: current decisions of a programme.</summary>
public static class RefundListCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromSeconds(30));
        var paging = new PagingOptions();
        var output = new ListOutput();
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
        output.AddTo(command);
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
            if (!ListOutput.Write(console, result.GetValue(output.Format), Columns, decisions))
            {
                return 0;
            }
            console.MarkupLineInterpolated($"{decisions.Count} decision(s), {Yuan.WithFen(decisions.Sum(d => d.AmountFen))} in total");
            if (more)
            {
                console.MarkupLine("[grey]more decisions on the next pages: add --all to list every one[/]");
            }
            return 0;
        }, ct));
        return command;
    }

    private static readonly ListColumn<RefundDecisionRecord>[] Columns =
    [
        new("USCC", "uscc", d => d.Uscc),
        new("Outcome", "outcome", d => ContractText.Name(d.Outcome), Style: Tables.Coloured),
        new("Amount (yuan)", "amount_fen", d => Yuan.Format(d.AmountFen), d => d.AmountFen.ToString(CultureInfo.InvariantCulture)),
        new("Rate", "rate", d => d.Rate),
        new("Size class", "size_class", d => ContractText.Name(d.SizeClass)),
        new("Division", "division_code", d => d.DivisionCode),
        new("Decided at", "decide_time", d => ContractText.Time(d.DecideTime)),
    ];
}

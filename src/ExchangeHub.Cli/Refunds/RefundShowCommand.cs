using System.CommandLine;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Refunds;

/// <summary>
/// <c>exchangehub refund show --uscc USCC [--year 2024]</c>: a unit's current decision, the rules of the notice that
/// led to it and its earlier decisions. Exit 1 when the unit has no decision.
/// </summary>
public static class RefundShowCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromSeconds(30));
        var unit = new UnitOptions();
        var command = new Command("show", "Show a unit's refund decision, its explanation and its history.");
        hub.AddTo(command);
        unit.AddTo(command);
        command.SetAction((result, ct) => HubCall.RunAsync(console, hub.Read(result), async session =>
        {
            var client = new RefundService.RefundServiceClient(session.Channel);
            var reply = await client.GetRefundDecisionAsync(
                new GetRefundDecisionRequest { Uscc = result.GetValue(unit.Uscc)!, ProgramYear = result.GetValue(unit.Year) }, session.Call());
            DecisionView.Write(console, reply.Decision, reply.State);
            DecisionView.WriteHistory(console, reply.History);
            return 0;
        }, ct));
        return command;
    }
}

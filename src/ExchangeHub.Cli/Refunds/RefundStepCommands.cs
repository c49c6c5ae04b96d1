using System.CommandLine;
using ExchangeHub.Cli.Display;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Refunds;

/// <summary>
/// <c>exchangehub refund confirm|waive|apply --uscc USCC [--year 2024]</c>: the workflow steps a unit takes, recorded
/// by the operator. Exit 1 when the unit's state does not allow the step (the hub names the state).
/// </summary>
public static class RefundStepCommands
{
    public static Command Confirm(IAnsiConsole console) => Step("confirm", "The unit confirms its offered refund: disbursement is approved.",
        console, async (client, request, session) =>
        {
            var reply = await client.ConfirmRefundAsync(new ConfirmRefundRequest { Uscc = request.Uscc, ProgramYear = request.Year }, session.Call());
            console.MarkupLineInterpolated($"[green]{ContractText.Name(reply.State)}[/] {request.Uscc}: {Yuan.WithFen(reply.AmountFen)} approved for disbursement");
        });

    public static Command Waive(IAnsiConsole console) => Step("waive", "The unit waives its offered refund (it may still apply until the programme ends).",
        console, async (client, request, session) =>
        {
            var reply = await client.WaiveRefundAsync(new WaiveRefundRequest { Uscc = request.Uscc, ProgramYear = request.Year }, session.Call());
            console.MarkupLineInterpolated($"[yellow]{ContractText.Name(reply.State)}[/] {request.Uscc}: the unit may still apply until {reply.MayApplyUntil}");
        });

    public static Command Apply(IAnsiConsole console) => Step("apply", "The unit applies for a refund: it is decided now by the same rules.",
        console, async (client, request, session) =>
        {
            var reply = await client.ApplyForRefundAsync(new ApplyForRefundRequest { Uscc = request.Uscc, ProgramYear = request.Year }, session.Call());
            console.MarkupLineInterpolated($"{request.Uscc} applied: now {ContractText.Name(reply.State)}");
            if (reply.Decision is { } decision)
            {
                DecisionView.Write(console, decision, reply.State);
            }
        });

    private static Command Step(string name, string description, IAnsiConsole console,
        Func<RefundService.RefundServiceClient, (string Uscc, int Year), HubSession, Task> step)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromSeconds(30));
        var unit = new UnitOptions();
        var command = new Command(name, description);
        hub.AddTo(command);
        unit.AddTo(command);
        command.SetAction((result, ct) => HubCall.RunAsync(console, hub.Read(result), async session =>
        {
            var unitYear = (result.GetValue(unit.Uscc)!, result.GetValue(unit.Year));
            await step(new RefundService.RefundServiceClient(session.Channel), unitYear, session);
            return 0;
        }, ct));
        return command;
    }
}

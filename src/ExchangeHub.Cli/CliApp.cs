using System.CommandLine;
using ExchangeHub.Cli.Audit;
using ExchangeHub.Cli.Persons;
using ExchangeHub.Cli.Reconciliation;
using ExchangeHub.Cli.Refunds;
using Spectre.Console;

namespace ExchangeHub.Cli;

/// <summary>
/// <c>exchangehub</c>, the operator's tool. <c>audit verify</c> works directly on the hub's database so that an
/// auditor can check it independently of the running hub, and so does <c>outbox</c> (parked events, audited actions);
/// the other commands call the running hub over gRPC.
/// </summary>
public static class CliApp
{
    public static async Task<int> InvokeAsync(string[] args, TextWriter output)
    {
        // Console.Out piped into a file or another program is no terminal either: Spectre would wrap it at 80 columns.
        var terminal = output == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // A pipe, a file or a test: full width, so that no cell (a USCC, a timestamp, a hash) is wrapped mid-word.
            console.Profile.Width = UnwrappedWidth;
        }
        var root = new RootCommand("ExchangeHub operator tool: reconciliation, refunds and audit verification.");
        root.Subcommands.Add(ReconcileCommand.Create(console));
        root.Subcommands.Add(Group("run", "Reconciliation runs.", RunShowCommand.Create(console)));
        root.Subcommands.Add(ExceptionsCommand.Create(console));
        root.Subcommands.Add(WhatIf.WhatIfCommand.Create(console));
        root.Subcommands.Add(Group("refund", "Job-retention refund decisions and the units' workflow steps.",
            RefundShowCommand.Create(console), RefundListCommand.Create(console),
            RefundStepCommands.Confirm(console), RefundStepCommands.Waive(console), RefundStepCommands.Apply(console)));
        root.Subcommands.Add(Group("decision", "Stored decisions replayed as the hub knew them (\"FACTS\").", DecisionReplayCommand.Create(console)));
        root.Subcommands.Add(Group("person", "A person's benefit claims, transfers and skill subsidies.", PersonShowCommand.Create(console)));
        root.Subcommands.Add(Group("audit", "The hash-chained audit trail of every exchange.", AuditVerifyCommand.Create(console)));
        root.Subcommands.Add(Group("receipt", "An agency's receipt of a call: its audit leaf in a signed checkpoint.", ReceiptVerifyCommand.Create(console)));
        root.Subcommands.Add(Outbox.OutboxCommands.Create(console));
        root.Subcommands.Add(Simulate.SimulateCommand.Create(console));
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
    }

    /// <summary>The width of output that is not a terminal: no table or line the tool writes comes near it.</summary>
    public const int UnwrappedWidth = 1 << 16;

    private static Command Group(string name, string description, params Command[] commands)
    {
        var group = new Command(name, description);
        foreach (var command in commands)
        {
            group.Subcommands.Add(command);
        }
        return group;
    }
}

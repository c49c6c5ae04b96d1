using System.CommandLine;
using ExchangeHub.Cli.Audit;
using Spectre.Console;

namespace ExchangeHub.Cli;

/// <summary>
/// <c>exchangehub</c>, the operator's tool. Commands work directly on the hub's database so that an auditor can
/// check it independently of the running hub.
/// </summary>
public static class CliApp
{
    public static async Task<int> InvokeAsync(string[] args, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        var root = new RootCommand("ExchangeHub operator tool: audit verification (more commands come with reconciliation).");
        var audit = new Command("audit", "The hash-chained audit trail of every exchange.");
        audit.Subcommands.Add(AuditVerifyCommand.Create(console));
        root.Subcommands.Add(audit);
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
    }
}

using System.CommandLine;
using ExchangeHub.AuditLog;
using Spectre.Console;

namespace ExchangeHub.Cli.Audit;

/// <summary>
/// <c>exchangehub audit verify</c>: walks the audit chain and names the first broken link. Exit code 0 when the
/// chain is whole (and its head matches <c>--expect-head</c> if given), 1 when it is broken, 2 on error.
/// </summary>
public static class AuditVerifyCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var database = new DatabaseOptions();
        var expectHead = new Option<string?>("--expect-head")
        {
            Description = "head hash recorded earlier (e.g. in the daily report); catches removal of the newest rows",
        };
        var command = new Command("verify", "Check the audit trail's hash chain and name the first broken link.");
        database.AddTo(command);
        command.Options.Add(expectHead);
        command.SetAction(async (result, ct) =>
        {
            try
            {
                var verification = await database.Read(result).VerifyAsync(ct);
                return Report(console, verification, result.GetValue(expectHead));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] cannot read the audit trail: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static int Report(IAnsiConsole console, AuditVerification verification, string? expectedHead)
    {
        if (verification.FirstBreak is { } broken)
        {
            console.MarkupLineInterpolated($"[red]BROKEN[/] at row {broken.Sequence}: {broken.Reason}");
            console.MarkupLineInterpolated($"rows checked: {verification.Rows}");
            return 1;
        }
        if (expectedHead is not null && !string.Equals(expectedHead, verification.HeadHash, StringComparison.OrdinalIgnoreCase))
        {
            console.MarkupLineInterpolated(
                $"[red]BROKEN[/] at the head: the chain ends at row {verification.Rows} with {verification.HeadHash}, not the expected {expectedHead} (rows were removed or added)");
            return 1;
        }
        console.MarkupLineInterpolated($"[green]OK[/] audit chain intact: {verification.Rows} rows, head {verification.HeadHash}");
        return 0;
    }
}

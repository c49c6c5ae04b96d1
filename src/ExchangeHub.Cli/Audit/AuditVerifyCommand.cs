using System.CommandLine;
using ExchangeHub.AuditLog;
using Spectre.Console;

namespace ExchangeHub.Cli.Audit;

/// <summary>
/// <c>exchangehub audit verify</c>: walks the audit chain, recomputes every Merkle leaf and the root at every stored
/// checkpoint (signatures checked with <c>--public-key</c>), and names the first broken row — a log cut after a
/// checkpoint included. <c>--against checkpoint.json</c> also proves the log only grew since a checkpoint an agency
/// kept. Exit code 0 when all holds (and the head matches <c>--expect-head</c> if given), 1 when broken, 2 on error.
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
        var publicKey = new Option<FileInfo?>("--public-key")
        {
            Description = "the hub's checkpoint public key (PEM; audit-signing-key.pem.pub beside the hub's key): checks every checkpoint's signature",
        };
        var against = new Option<FileInfo?>("--against")
        {
            Description = "a checkpoint kept earlier (JSON): proves the log only grew since it (RFC 9162 consistency)",
        };
        var command = new Command("verify", "Check the audit trail's hash chain, Merkle tree and signed checkpoints and name the first broken row.");
        database.AddTo(command);
        command.Options.Add(expectHead);
        command.Options.Add(publicKey);
        command.Options.Add(against);
        command.SetAction(async (result, ct) =>
        {
            try
            {
                using var key = result.GetValue(publicKey) is { } keyFile
                    ? AuditCheckpointSigner.PublicKeyFromPem(await File.ReadAllTextAsync(keyFile.FullName, ct))
                    : null;
                var audit = database.Read(result);
                var verification = await audit.VerifyAsync(ct, key);
                var code = Report(console, verification, result.GetValue(expectHead));
                if (code != 0 || result.GetValue(against) is not { } keptFile)
                {
                    return code;
                }
                var kept = AuditCheckpointJson.Read(await File.ReadAllTextAsync(keptFile.FullName, ct));
                if (await audit.VerifyGrowthAsync(kept, key, ct) is { } shrunk)
                {
                    console.MarkupLineInterpolated($"[red]BROKEN[/] at row {shrunk.Sequence}: {shrunk.Reason}");
                    return 1;
                }
                console.MarkupLineInterpolated($"[green]OK[/] the log only grew since the kept checkpoint of tree size {kept.TreeSize}");
                return 0;
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
        console.MarkupLineInterpolated(
            $"Merkle tree matches {verification.Checkpoints} checkpoints (latest tree size {verification.LatestCheckpoint?.TreeSize ?? 0}); signatures {(verification.SignaturesChecked ? "checked" : "not checked (no --public-key)")}");
        return 0;
    }
}

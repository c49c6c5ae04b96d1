using System.CommandLine;
using ExchangeHub.AuditLog;
using Spectre.Console;

namespace ExchangeHub.Cli.Audit;

/// <summary>
/// <c>exchangehub receipt verify --receipt r.json --checkpoint c.json [--public-key pem]</c>: offline, with no hub and no
/// database, checks that a call's leaf is in a signed checkpoint. Exit code 0 when it is, 1 when not, 2 on error.
/// </summary>
public static class ReceiptVerifyCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var receipt = new Option<FileInfo>("--receipt") { Description = "the receipt (JSON: leafIndex, leafHash, treeSize, proof)", Required = true };
        var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "the signed checkpoint (JSON: treeSize, rootHash, timestampUnixMs, keyId, signature)", Required = true };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = "the hub's checkpoint public key (PEM): checks the checkpoint's signature" };
        var command = new Command("verify", "Check offline that a receipt's audit leaf is in a signed checkpoint.");
        command.Options.Add(receipt);
        command.Options.Add(checkpoint);
        command.Options.Add(publicKey);
        command.SetAction(async (result, ct) =>
        {
            try
            {
                var kept = AuditReceipt.FromJson(await File.ReadAllTextAsync(result.GetValue(receipt)!.FullName, ct));
                var signed = AuditCheckpointJson.Read(await File.ReadAllTextAsync(result.GetValue(checkpoint)!.FullName, ct));
                using var key = result.GetValue(publicKey) is { } keyFile
                    ? AuditCheckpointSigner.PublicKeyFromPem(await File.ReadAllTextAsync(keyFile.FullName, ct))
                    : null;
                if (kept.Refusal(signed, key) is { } refusal)
                {
                    console.MarkupLineInterpolated($"[red]NOT VERIFIED[/]: {refusal}");
                    return 1;
                }
                console.MarkupLineInterpolated(
                    $"[green]OK[/] leaf {kept.LeafIndex} is in the checkpoint of tree size {signed.TreeSize}; signature {(key is null ? "not checked (no --public-key)" : "checked")}");
                return 0;
            }
            catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or UnauthorizedAccessException or ArgumentException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}

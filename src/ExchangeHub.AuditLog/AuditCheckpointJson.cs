using System.Text.Json;

namespace ExchangeHub.AuditLog;

/// <summary>
/// A checkpoint as an agency keeps it: JSON with the fields <c>treeSize</c>, <c>rootHash</c> (hex),
/// <c>timestampUnixMs</c>, <c>keyId</c>, <c>signature</c> (base64) — README "Audit trail".
/// </summary>
public static class AuditCheckpointJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(AuditCheckpoint checkpoint) => JsonSerializer.Serialize(checkpoint, Options);

    /// <summary>The checkpoint in <paramref name="json"/>; <see cref="JsonException"/> when it is not one.</summary>
    public static AuditCheckpoint Read(string json) =>
        JsonSerializer.Deserialize<AuditCheckpoint>(json, Options) is { RootHash.Length: > 0 } checkpoint
            ? checkpoint
            : throw new JsonException("not a checkpoint: rootHash is missing");
}

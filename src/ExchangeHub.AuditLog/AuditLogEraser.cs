using System.Data.Common;

namespace ExchangeHub.AuditLog;

/// <summary>
/// Carries out a deletion order on the audit trail: an entry's payload hash and salt are blanked, its salted hash and
/// leaf hash stay. The leaf — so the tree, every checkpoint and every receipt — is unchanged; the chain's own-hash
/// check gives way to the leaf check for that row (<see cref="AuditEntry.PayloadErased"/>).
/// </summary>
public static class AuditLogEraser
{
    /// <summary>
    /// Erases entry <paramref name="sequence"/>'s payload hash; false when there is no such sealed entry, or no signed
    /// checkpoint covers it yet: an erased row is vouched for by its leaf alone, so it is erased only once a signature
    /// fixes that leaf (README "Erasure gap"); try again after the next checkpoint (within a second).
    /// </summary>
    public static async Task<bool> EraseAsync(DbConnection connection, long sequence, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"UPDATE {AuditLogTable.Name} SET payload_sha256 = '', payload_salt = '' WHERE sequence = @s AND salted_payload_sha256 <> '' "
            + $"AND sequence <= (SELECT COALESCE(MAX(tree_size), 0) FROM {AuditCheckpointTable.Name})";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@s";
        parameter.Value = sequence;
        command.Parameters.Add(parameter);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }
}

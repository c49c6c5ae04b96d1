using System.Data.Common;

namespace ExchangeHub.AuditLog;

/// <summary>Reads <c>audit_log</c> in sequence order over any open ADO.NET connection and checks its chain.</summary>
public static class AuditLogVerifier
{
    public static async Task<AuditVerification> VerifyAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AuditLogTable.Columns} FROM {AuditLogTable.Name} ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var broken = AuditChain.FirstBreak(ReadAll(reader), out var count, out var head);
        return new AuditVerification(count, head, broken);
    }

    private static IEnumerable<AuditEntry> ReadAll(DbDataReader reader)
    {
        while (reader.Read())
        {
            yield return new AuditEntry
            {
                Sequence = reader.GetInt64(0),
                OccurredAt = reader.GetString(1),
                AgencyId = reader.GetString(2),
                Method = reader.GetString(3),
                Outcome = reader.GetString(4),
                Detail = reader.GetString(5),
                Batches = reader.GetInt64(6),
                Accepted = reader.GetInt64(7),
                Duplicate = reader.GetInt64(8),
                Corrected = reader.GetInt64(9),
                Rejected = reader.GetInt64(10),
                PayloadSha256 = reader.GetString(11),
                PreviousHash = reader.GetString(12),
                Hash = reader.GetString(13),
            };
        }
    }
}

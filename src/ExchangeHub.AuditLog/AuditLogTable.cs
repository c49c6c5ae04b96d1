namespace ExchangeHub.AuditLog;

/// <summary>
/// Table <c>audit_log</c> as the hub writes it and the verifier reads it: one column list, in the order of
/// <see cref="AuditEntry"/>'s fields, so that the two cannot drift apart.
/// </summary>
public static class AuditLogTable
{
    public const string Name = "audit_log";

    public const string Columns =
        "sequence, occurred_at, agency_id, method, outcome, detail, batches, accepted, duplicate, corrected, rejected, payload_sha256, previous_hash, hash, payload_salt, salted_payload_sha256, leaf_hash";

    /// <summary>The values of <paramref name="entry"/> in the order of <see cref="Columns"/>.</summary>
    public static object[] Values(AuditEntry entry) =>
    [
        entry.Sequence, entry.OccurredAt, entry.AgencyId, entry.Method, entry.Outcome, entry.Detail, entry.Batches, entry.Accepted,
        entry.Duplicate, entry.Corrected, entry.Rejected, entry.PayloadSha256, entry.PreviousHash, entry.Hash,
        entry.PayloadSalt, entry.SaltedPayloadSha256, entry.LeafHash,
    ];

    /// <summary>The INSERT of one entry, parameters @p0… in the order of <see cref="Values"/>.</summary>
    public const string InsertSql =
        $"INSERT INTO {Name} ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16)";

    public const int ColumnCount = 17;

    /// <summary>The stored leaf hashes in sequence order, of rows 1…<paramref name="upToSequence"/> (all when null); rows without a leaf are left out.</summary>
    public static async Task<List<byte[]>> ReadLeavesAsync(System.Data.Common.DbConnection connection, long? upToSequence, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT leaf_hash FROM {Name} WHERE leaf_hash <> ''"
            + (upToSequence is { } last ? $" AND sequence <= {last.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "") + " ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var leaves = new List<byte[]>();
        while (await reader.ReadAsync(ct))
        {
            leaves.Add(Convert.FromHexString(reader.GetString(0)));
        }
        return leaves;
    }

    /// <summary>
    /// The leaf hashes of leaves [<paramref name="start"/>, <paramref name="end"/>) (rows start + 1 … end), in order.
    /// Throws when a row of the range is missing or has no leaf: a proof is never built over a gap.
    /// </summary>
    public static async Task<byte[][]> ReadLeafRangeAsync(System.Data.Common.DbConnection connection, long start, long end, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sequence, leaf_hash FROM {Name} WHERE sequence > @start AND sequence <= @end ORDER BY sequence";
        foreach (var (name, value) in new[] { ("@start", start), ("@end", end) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var leaves = new byte[end - start][];
        var next = start;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var leaf = reader.GetString(1);
                if (reader.GetInt64(0) != next + 1 || leaf.Length == 0)
                {
                    break;
                }
                leaves[next - start] = Convert.FromHexString(leaf);
                next++;
            }
        }
        return next == end ? leaves : throw new InvalidOperationException($"audit row {next + 1} is missing or has no leaf");
    }
}

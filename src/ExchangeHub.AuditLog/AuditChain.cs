using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ExchangeHub.AuditLog;

/// <summary>
/// The audit trail's hash chain: each row's hash is SHA-256 over its own fields and the previous row's hash, and
/// sequence numbers run 1, 2, 3… without gaps. Altering a row breaks its own hash; removing one breaks the
/// sequence and the next row's link. (Removing the newest rows is caught by comparing the head with a copy kept
/// elsewhere: <c>exchangehub audit verify --expect-head</c>.)
/// </summary>
public static class AuditChain
{
    /// <summary>The previous-hash of row 1.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256 (lower-case hex) over the entry's fields but <see cref="AuditEntry.Hash"/>, one per line in column
    /// order, numbers in invariant culture. Never change it: every stored hash was made with it.
    /// </summary>
    public static string HashOf(AuditEntry row)
    {
        var canonical = string.Join('\n',
            row.Sequence.ToString(CultureInfo.InvariantCulture), row.OccurredAt, row.AgencyId, row.Method, row.Outcome,
            row.Detail, row.Batches.ToString(CultureInfo.InvariantCulture), row.Accepted.ToString(CultureInfo.InvariantCulture),
            row.Duplicate.ToString(CultureInfo.InvariantCulture), row.Corrected.ToString(CultureInfo.InvariantCulture),
            row.Rejected.ToString(CultureInfo.InvariantCulture), row.PayloadSha256, row.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks rows in sequence order; returns the first broken link, or null when the chain is whole.</summary>
    public static AuditBreak? FirstBreak(IEnumerable<AuditEntry> rowsInOrder, out long count, out string head)
    {
        count = 0;
        head = Genesis;
        var expectedSequence = 1L;
        foreach (var row in rowsInOrder)
        {
            count++;
            if (row.Sequence != expectedSequence)
            {
                return new AuditBreak(expectedSequence,
                    $"row {expectedSequence} is missing: the chain jumps from {expectedSequence - 1} to {row.Sequence}");
            }
            if (!string.Equals(row.PreviousHash, head, StringComparison.Ordinal))
            {
                return new AuditBreak(row.Sequence, $"row {row.Sequence} does not link to row {row.Sequence - 1} (previous hash differs)");
            }
            if (!string.Equals(HashOf(row), row.Hash, StringComparison.Ordinal))
            {
                return new AuditBreak(row.Sequence, $"row {row.Sequence} was altered: its content no longer matches its hash");
            }
            head = row.Hash;
            expectedSequence++;
        }
        return null;
    }
}

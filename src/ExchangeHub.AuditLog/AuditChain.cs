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
    public static string HashOf(AuditEntry row) => Convert.ToHexStringLower(SHA256.HashData(Canonical(row, row.PayloadSha256)));

    /// <summary>
    /// The entry's canonical bytes (UTF-8, one field a line) with <paramref name="payloadHash"/> in the payload hash's
    /// place: the raw hash for the chain, the salted one for the Merkle leaf (<see cref="AuditLeaf"/>).
    /// </summary>
    public static byte[] Canonical(AuditEntry row, string payloadHash) =>
        Encoding.UTF8.GetBytes(string.Join('\n',
            row.Sequence.ToString(CultureInfo.InvariantCulture), row.OccurredAt, row.AgencyId, row.Method, row.Outcome,
            row.Detail, row.Batches.ToString(CultureInfo.InvariantCulture), row.Accepted.ToString(CultureInfo.InvariantCulture),
            row.Duplicate.ToString(CultureInfo.InvariantCulture), row.Corrected.ToString(CultureInfo.InvariantCulture),
            row.Rejected.ToString(CultureInfo.InvariantCulture), payloadHash, row.PreviousHash));

    /// <summary>Checks rows in sequence order; returns the first broken link, or null when the chain is whole.</summary>
    public static AuditBreak? FirstBreak(IEnumerable<AuditEntry> rowsInOrder, out long count, out string head)
    {
        count = 0;
        head = Genesis;
        foreach (var row in rowsInOrder)
        {
            count++;
            if (BreakAt(row, count, head) is { } broken)
            {
                return broken;
            }
            head = row.Hash;
        }
        return null;
    }

    /// <summary>The break at <paramref name="row"/>, expected at <paramref name="expectedSequence"/> after a row with hash <paramref name="head"/>; null when it links.</summary>
    public static AuditBreak? BreakAt(AuditEntry row, long expectedSequence, string head)
    {
        if (row.Sequence != expectedSequence)
        {
            return new AuditBreak(expectedSequence,
                $"row {expectedSequence} is missing: the chain jumps from {expectedSequence - 1} to {row.Sequence}");
        }
        if (!string.Equals(row.PreviousHash, head, StringComparison.Ordinal))
        {
            return new AuditBreak(row.Sequence, $"row {row.Sequence} does not link to row {row.Sequence - 1} (previous hash differs)");
        }
        // An erased payload hash cannot be rehashed; its row is held by the next row's link and by its leaf.
        if (!row.PayloadErased && !string.Equals(HashOf(row), row.Hash, StringComparison.Ordinal))
        {
            return new AuditBreak(row.Sequence, $"row {row.Sequence} was altered: its content no longer matches its hash");
        }
        return null;
    }
}

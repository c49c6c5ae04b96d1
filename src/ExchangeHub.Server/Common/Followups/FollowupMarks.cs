using System.Text.Json;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Common.Followups;

/// <summary>
/// The "to re-decide" marks of decisions that follow the data (table <c>decision_followups</c>, issue 14 item 3). A
/// feed batch that stored new or corrected records of some units calls <see cref="MarkAsync"/> inside its own
/// transaction, so the marks commit with the facts or not at all (a hub killed after the ack still re-decides after
/// restart). Only units that already have a refund decision are marked — one statement per batch, whatever its size —
/// and a mark already there only has its due time moved (the debounce). The re-deciding side
/// (Reconciliation/FollowupService) reads and deletes marks with the other statements here. Lives in Common so the
/// feeds never import the programmes.
/// </summary>
public sealed class FollowupMarks(IOptions<HubOptions> options)
{
    /// <summary>The programme of refund decisions (subjects are USCCs).</summary>
    public const string Refund = "REFUND";

    private const string Upsert = "INSERT INTO decision_followups (programme, subject, due_unix_ms, first_marked_unix_ms) "
        + "SELECT DISTINCT @p0, d.uscc, @p1, @p2 FROM refund_decisions d WHERE d.uscc ";
    private const string OnConflict = " ON CONFLICT (programme, subject) DO UPDATE SET due_unix_ms = excluded.due_unix_ms";
    private const string SqliteMarkSql = Upsert + "IN (SELECT value FROM json_each(@p3))" + OnConflict;
    private const string PostgresMarkSql = Upsert + "= ANY(@p3)" + OnConflict;

    /// <summary>
    /// Due marks of a programme, oldest first (<c>@programme</c>, <c>@now</c>, <c>@limit</c>), each with whether its
    /// unit has a decision in <c>@year</c>. Columns: subject, due_unix_ms, first_marked_unix_ms, decided (0/1).
    /// </summary>
    public const string DueSql = "SELECT f.subject, f.due_unix_ms, f.first_marked_unix_ms, "
        + "CASE WHEN EXISTS (SELECT 1 FROM refund_decisions d WHERE d.uscc = f.subject AND d.program_year = @year) THEN 1 ELSE 0 END "
        + "FROM decision_followups f WHERE f.programme = @programme AND f.due_unix_ms <= @now ORDER BY f.due_unix_ms, f.subject LIMIT @limit";

    /// <summary>
    /// Deletes a mark unless a batch moved it after it was read (<c>@p2</c> the due time read): that batch's facts may
    /// be newer than the re-decision's knowledge time, so its mark stays for the next round.
    /// </summary>
    public const string DeleteSql = "DELETE FROM decision_followups WHERE programme = @p0 AND subject = @p1 AND due_unix_ms <= @p2";

    private readonly DecisionOptions _options = Checked(options.Value.Decisions);

    public bool Enabled => _options.Follow;

    public TimeSpan Delay => _options.FollowDelay;

    /// <summary>
    /// Marks those of <paramref name="units"/> that have a refund decision, due <see cref="Delay"/> after
    /// <paramref name="nowUnixMs"/>, in the lease's open transaction. Nothing when switched off or no unit changed.
    /// </summary>
    public async Task MarkAsync(WriterLease lease, IReadOnlyCollection<string> units, long nowUnixMs, CancellationToken ct)
    {
        if (!_options.Follow || units.Count == 0)
        {
            return;
        }
        var sqlite = lease.Provider == StorageProvider.Sqlite;
        var command = lease.Command(sqlite ? SqliteMarkSql : PostgresMarkSql, 4);
        command.Parameters[0].Value = Refund;
        command.Parameters[1].Value = nowUnixMs + (long)_options.FollowDelay.TotalMilliseconds;
        command.Parameters[2].Value = nowUnixMs;
        command.Parameters[3].Value = sqlite ? JsonSerializer.Serialize(units) : units.ToArray();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DecisionOptions Checked(DecisionOptions options) =>
        options.FollowDelay < TimeSpan.FromMilliseconds(50) || options.FollowDelay > TimeSpan.FromHours(1)
            ? throw new InvalidOperationException($"Hub:Decisions:FollowDelay must be between 00:00:00.050 and 01:00:00, not {options.FollowDelay}.")
            : options;
}

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Common.Followups;

/// <summary>
/// The "to re-decide" marks of decisions that follow the data (table <c>decision_followups</c>, issue 14 item 3). A
/// feed batch that stored new or corrected records calls <see cref="MarkAsync"/> inside its own transaction with the
/// subjects those records are facts of (<see cref="ChangedSubjects"/>), so the marks commit with the facts or not at
/// all (a hub killed after the ack still re-decides after restart). Only subjects already decided are marked — units
/// with a refund decision (<see cref="Refund"/>), persons with a skill-subsidy decision (<see cref="Skill"/>) or a
/// decided benefit claim (<see cref="Benefit"/>) — one statement per programme and key kind, whatever the batch's
/// size; a mark already there only has its due time moved (the debounce). The re-deciding sides
/// (Reconciliation/FollowupService, Skills/SkillFollowupService, Benefits/BenefitFollowupService, all through
/// <see cref="FollowupLoop"/>) read and delete marks with the other statements here. Lives in Common so the feeds never
/// import the programmes.
/// </summary>
public sealed class FollowupMarks(IOptions<HubOptions> options)
{
    /// <summary>The programme of refund decisions (subjects are USCCs).</summary>
    public const string Refund = "REFUND";

    /// <summary>The programme of skill-subsidy decisions (subjects are resident ids: the feeds' person key).</summary>
    public const string Skill = "SKILL";

    /// <summary>The programme of benefit-claim decisions (subjects are resident ids).</summary>
    public const string Benefit = "BENEFIT";

    private const string Insert = "INSERT INTO decision_followups (programme, subject, due_unix_ms, first_marked_unix_ms) ";
    /// <summary>Whether each programme has decided anything at all: refunds, skill subsidies, benefit claims.</summary>
    private const string AnyDecidedSql = "SELECT EXISTS (SELECT 1 FROM refund_decisions), EXISTS (SELECT 1 FROM skill_subsidy_decisions), "
        + "EXISTS (SELECT 1 FROM benefit_decisions)";

    /// <summary>Units with a refund decision, among the USCCs in @p3.</summary>
    private static readonly MarkStatement UnitsWithRefunds = new(Insert + "SELECT DISTINCT @p0, d.uscc, @p1, @p2 FROM refund_decisions d WHERE d.uscc ");

    /// <summary>Persons with a skill-subsidy decision, among the resident ids in @p3 (the holder of a decided certificate).</summary>
    private static readonly MarkStatement PersonsWithSkillDecisions = new(Insert + "SELECT DISTINCT @p0, c.resident_id, @p1, @p2 FROM skill_certificates c "
        + "WHERE EXISTS (SELECT 1 FROM skill_subsidy_decisions d WHERE d.certificate_number = c.certificate_number) AND c.resident_id ");

    /// <summary>The holders of decided certificates, among the certificate numbers in @p3 (a training payment, a corrected certificate).</summary>
    private static readonly MarkStatement HoldersOfDecidedCertificates = new(Insert + "SELECT DISTINCT @p0, c.resident_id, @p1, @p2 FROM skill_certificates c "
        + "WHERE EXISTS (SELECT 1 FROM skill_subsidy_decisions d WHERE d.certificate_number = c.certificate_number) AND c.certificate_number ");

    /// <summary>Persons with a claim that has a decision, among the resident ids in @p3.</summary>
    private static readonly MarkStatement PersonsWithDecidedClaims = new(Insert + "SELECT DISTINCT @p0, c.resident_id, @p1, @p2 FROM benefit_claims c "
        + "WHERE EXISTS (SELECT 1 FROM benefit_decisions d WHERE d.claim_id = c.claim_id) AND c.resident_id ");

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

    /// <summary>Due marks of a programme, oldest first (@p0 programme, @p1 now, @p2 limit). Columns: subject, due_unix_ms, first_marked_unix_ms.</summary>
    private const string DueSubjectsSql = "SELECT subject, due_unix_ms, first_marked_unix_ms FROM decision_followups "
        + "WHERE programme = @p0 AND due_unix_ms <= @p1 ORDER BY due_unix_ms, subject LIMIT @p2";

    private readonly DecisionOptions _options = Checked(options.Value.Decisions);

    public bool Enabled => _options.Follow;

    public TimeSpan Delay => _options.FollowDelay;

    /// <summary>
    /// Marks the subjects of <paramref name="changed"/> that are already decided, each in the programmes whose facts it
    /// is part of, due <see cref="Delay"/> after <paramref name="nowUnixMs"/>, in the lease's open transaction: units for
    /// refunds; persons for skill subsidies (insured months, certificates, transfers in) and benefit claims (insured
    /// months, transfers in); certificate numbers for their holders' skill subsidies (a training payment, a corrected
    /// certificate). Nothing when switched off or nothing changed.
    /// </summary>
    public async Task MarkAsync(WriterLease lease, ChangedSubjects changed, long nowUnixMs, CancellationToken ct)
    {
        if (!_options.Follow || changed.IsEmpty)
        {
            return;
        }
        // Which programmes have decided anything (one cheap query): a bulk load before any decision marks nothing and
        // binds no key list; a programme with no decision is skipped.
        var decided = lease.Command(AnyDecidedSql, 0);
        bool refunds, skills, benefits;
        await using (var reader = await decided.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (refunds, skills, benefits) = (Flag(reader, 0), Flag(reader, 1), Flag(reader, 2));
        }
        if (!(refunds || skills || benefits))
        {
            return;
        }
        // PostgreSQL queues a batch's updates (WriterLease.ExecuteDeferredAsync): the marks read the rows as corrected.
        await lease.FlushAsync(ct);
        if (refunds)
        {
            await MarkAsync(lease, UnitsWithRefunds, Refund, changed.Units, nowUnixMs, ct);
        }
        if (skills)
        {
            await MarkAsync(lease, HoldersOfDecidedCertificates, Skill, changed.Certificates, nowUnixMs, ct);
        }
        if ((skills || benefits) && changed.Residents.Count > 0)
        {
            var residents = KeyList.Value(lease.Provider, changed.Residents); // bound once for both programmes
            if (skills)
            {
                await MarkAsync(lease, PersonsWithSkillDecisions, Skill, residents, nowUnixMs, ct);
            }
            if (benefits)
            {
                await MarkAsync(lease, PersonsWithDecidedClaims, Benefit, residents, nowUnixMs, ct);
            }
        }

        static bool Flag(System.Data.Common.DbDataReader reader, int column) =>
            Convert.ToBoolean(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Marks a person's skill subsidies to re-decide because the hub's own decisions changed that person's facts (a
    /// benefit grant: 1.(3) "receiving benefit"; a completed transfer in: insured months), in the lease's transaction.
    /// </summary>
    public async Task MarkSkillFactsChangedAsync(WriterLease lease, string residentId, long nowUnixMs, CancellationToken ct)
    {
        if (_options.Follow)
        {
            await MarkAsync(lease, PersonsWithSkillDecisions, Skill, [residentId], nowUnixMs, ct);
        }
    }

    /// <summary>Due marks of <paramref name="programme"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public static async Task<List<DueMark>> DueAsync(HubDatabase database, string programme, long nowUnixMs, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var due = new List<DueMark>();
        await DbRows.ForEachAsync(connection, DueSubjectsSql, [programme, nowUnixMs, limit],
            r => due.Add(new DueMark(r.GetString(0), r.GetInt64(1), r.GetInt64(2))), ct);
        return due;
    }

    /// <summary>
    /// Deletes <paramref name="due"/> (each unless a batch moved it since it was read, <see cref="DeleteSql"/>) in one
    /// transaction: after the re-decisions committed. The person programmes are final for their facts (a re-decision
    /// from unchanged facts stores nothing), so a hub that stops between the two only re-decides again, to no effect.
    /// </summary>
    public static async Task ClearAsync(HubDatabase database, string programme, IEnumerable<DueMark> due, CancellationToken ct)
    {
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        foreach (var mark in due)
        {
            await lease.ExecuteDeferredAsync(DeleteSql, [programme, mark.Subject, mark.DueUnixMs], ct);
        }
        await lease.CommitAsync(ct);
    }

    private Task MarkAsync(WriterLease lease, MarkStatement statement, string programme, HashSet<string> keys, long nowUnixMs, CancellationToken ct) =>
        keys.Count == 0 ? Task.CompletedTask : MarkAsync(lease, statement, programme, KeyList.Value(lease.Provider, keys), nowUnixMs, ct);

    private async Task MarkAsync(WriterLease lease, MarkStatement statement, string programme, object keys, long nowUnixMs, CancellationToken ct)
    {
        var command = lease.Command(lease.Provider == StorageProvider.Sqlite ? statement.Sqlite : statement.Postgres, 4);
        command.Parameters[0].Value = programme;
        command.Parameters[1].Value = nowUnixMs + (long)_options.FollowDelay.TotalMilliseconds;
        command.Parameters[2].Value = nowUnixMs;
        command.Parameters[3].Value = keys;
        await command.ExecuteNonQueryAsync(ct);
    }


    private static DecisionOptions Checked(DecisionOptions options) =>
        options.FollowDelay < TimeSpan.FromMilliseconds(50) || options.FollowDelay > TimeSpan.FromHours(1)
            ? throw new InvalidOperationException($"Hub:Decisions:FollowDelay must be between 00:00:00.050 and 01:00:00, not {options.FollowDelay}.")
            : options;
}

/// <summary>A mark statement on both providers: <paramref name="head"/> ends with the key column, the keys in @p3 (<see cref="KeyList"/>).</summary>
internal sealed class MarkStatement(string head)
{
    private const string OnConflict = " ON CONFLICT (programme, subject) DO UPDATE SET due_unix_ms = excluded.due_unix_ms";

    public string Sqlite { get; } = head + KeyList.In(StorageProvider.Sqlite, "@p3") + OnConflict;
    public string Postgres { get; } = head + KeyList.In(StorageProvider.Postgres, "@p3") + OnConflict;
}

/// <summary>A due mark: its subject, the due time read (the delete keeps a mark moved since) and when it was first marked.</summary>
public sealed record DueMark(string Subject, long DueUnixMs, long FirstMarkedUnixMs);

/// <summary>
/// The subjects whose facts a feed batch changed, by key kind: units (USCC), persons (resident id) and certificates
/// (certificate number). A feed table declares which of its columns name them (Feeds/FeedTable).
/// </summary>
public sealed class ChangedSubjects
{
    public HashSet<string> Units { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Residents { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Certificates { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Units.Count == 0 && Residents.Count == 0 && Certificates.Count == 0;
}

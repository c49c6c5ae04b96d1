using System.Data.Common;
using System.Globalization;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Skills;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// The one reader of persons' facts (POLICY.md "Time and facts — FACTS", 1.(3), 1.(4), 2.(4)): asked "as of decision
/// date D (<c>@d</c>), with the knowledge at T (<c>@t</c>, Unix ms)", it reads only what was true on D and
/// recorded by T, feed records corrected after T in the version they had at T (<c>record_versions</c>, through
/// <see cref="FactsSql"/>). Insured months: REGULAR and BACK_PAYMENT lines in force as of D and T (the same definition
/// as the refunds' lines, <see cref="FactsSql.LinesInForce"/>), not cancelled. Transfers in: only those COMPLETED on D
/// as known at T, from the cases' status history (a refused or pending request adds nothing; a later status does not
/// change the past), with the request as the feed had it at T. The hub's own benefit decisions: each claim's decision
/// current at T. Skill grants: the current GRANTED decisions known at T, whatever their date (a grant is a payment
/// made; the cap, once and no-lower rules must see it). Certificates and training payments: the newest of each
/// certificate number known at T, issued or paid by D. Skills, Benefits and Transfers read persons' facts only here.
/// </summary>
public sealed class PersonFactsReader(HubDatabase database)
{
    private const string OnePerson = " = @resident_id";
    private const string CertificateHolders = " IN (SELECT resident_id FROM skill_certificates)";

    /// <summary>Insured months: the lines in force as of D and T (superseded versions included, Facts/FactsSql), not cancelled.</summary>
    private static string LinesSql(StorageProvider provider) =>
        $"SELECT DISTINCT resident_id, period FROM {FactsSql.LinesInForce(provider)} l WHERE kind IN {StoredLineKind.InsuredKindsSql} "
        + $"AND {FactsSql.NotCancelled} AND resident_id";

    /// <summary>
    /// Transfers in COMPLETED on D as known at T: the case's state on D at T is its last status recorded at or before T
    /// with a status date on or before D (<c>transfer_case_statuses</c>; recording order, not date order: statuses only
    /// move forward, so a status dated before an earlier-recorded one — SENT on the 20th told after ACCEPTED on the
    /// 30th — is still the later step). The request's periods are its version known at T.
    /// </summary>
    private static string TransfersInSql(StorageProvider provider) =>
        "SELECT c.resident_id, c.transfer_id, r.counterpart_province_code, r.insured_periods, r.benefit_months_paid, r.requested_date, s.status_date "
        + "FROM transfer_cases c JOIN transfer_case_statuses s ON s.transfer_id = c.transfer_id "
        + $"JOIN {FactsSql.TransferRequests(provider)} r ON r.source_record_id = c.transfer_id AND r.direction = "
        + StoredTransferDirection.In.ToString(CultureInfo.InvariantCulture)
        + $" WHERE c.direction = '{StoredTransferCase.In}' AND s.status = '{StoredTransferCase.Completed}' AND s.status_date <= @d "
        + "AND s.recorded_at_unix_ms <= @t AND NOT EXISTS (SELECT 1 FROM transfer_case_statuses n WHERE n.transfer_id = s.transfer_id "
        + "AND n.id > s.id AND n.status_date <= @d AND n.recorded_at_unix_ms <= @t) AND c.resident_id";

    // Each claim applied for by D with the decision current at T: decided by T and not superseded by a decision made by T.
    private const string ClaimsSql =
        "SELECT c.resident_id, c.claim_id, c.applied_on, d.outcome, d.decided_on, d.max_months FROM benefit_claims c "
        + "LEFT JOIN benefit_decisions d ON d.claim_id = c.claim_id AND d.decided_at_unix_ms <= @t "
        + "AND NOT EXISTS (SELECT 1 FROM benefit_decisions s WHERE s.supersedes_id = d.id AND s.decided_at_unix_ms <= @t) "
        + "WHERE c.applied_on <= @d AND c.submitted_at_unix_ms <= @t AND c.resident_id";

    private const string SkillGrantsSql =
        "SELECT DISTINCT c.resident_id, d.certificate_number, d.occupation_code, d.level, d.decided_on FROM skill_subsidy_decisions d "
        + "JOIN skill_certificates c ON c.certificate_number = d.certificate_number "
        + $"WHERE d.outcome = '{StoredProgrammeCodes.Outcome.Granted}' AND d.decided_at_unix_ms <= @t "
        + "AND NOT EXISTS (SELECT 1 FROM skill_subsidy_decisions s WHERE s.supersedes_id = d.id AND s.decided_at_unix_ms <= @t) "
        + "AND c.resident_id";

    /// <summary>The newest certificate of each number as known at T (a version corrected after T read back), issued by D.</summary>
    private static string CertificatesSql(StorageProvider provider, string? holders) =>
        "SELECT certificate_number, resident_id, occupation_code, level, issue_date FROM (SELECT c.*, ROW_NUMBER() OVER "
        + $"(PARTITION BY c.certificate_number ORDER BY c.id DESC) AS newest FROM {FactsSql.SkillCertificates(provider)} c) k "
        + $"WHERE newest = 1 AND issue_date <= @d{(holders is null ? "" : " AND resident_id" + holders)} ORDER BY issue_date, certificate_number";

    /// <summary>
    /// The newest training subsidy payment of each certificate number as known at T, paid by D, with when the hub first
    /// recorded it (its oldest superseded version, else the current row).
    /// </summary>
    private static string PaymentsSql(StorageProvider provider, string? holders) =>
        "SELECT certificate_number, recipient_kind, recipient_id, amount_fen, paid_date, ledger_sequence, "
        + "COALESCE((SELECT MIN(v.recorded_at_unix_ms) FROM record_versions v WHERE v.record_table = 'training_subsidy_payments' AND v.record_id = k.id), "
        + "(SELECT t.recorded_at_unix_ms FROM training_subsidy_payments t WHERE t.id = k.id)) FROM (SELECT p.*, ROW_NUMBER() OVER "
        + $"(PARTITION BY p.certificate_number ORDER BY p.id DESC) AS newest FROM {FactsSql.TrainingPayments(provider)} p) k "
        + "WHERE newest = 1 AND paid_date <= @d"
        + (holders is null ? "" : $" AND certificate_number IN (SELECT certificate_number FROM skill_certificates WHERE resident_id{holders})");

    /// <summary>One person's facts as of <paramref name="asOf"/> with the knowledge at <paramref name="knownAtUnixMs"/>.</summary>
    public async Task<PersonFacts> PersonAsync(string residentId, DateOnly asOf, long knownAtUnixMs, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var persons = await PersonsAsync(connection, database.Provider, OnePerson, asOf, c => Bind(c, asOf, knownAtUnixMs).With("@resident_id", residentId), ct);
        return persons.GetValueOrDefault(residentId) ?? PersonFacts.None(residentId);
    }

    /// <summary>
    /// Every certificate issued by <paramref name="asOf"/>, its holder's facts and the training subsidies paid by then;
    /// only those of <paramref name="residentIds"/> when given (a follow-up of those persons).
    /// </summary>
    public async Task<CertificateFacts> CertificatesAsync(DateOnly asOf, long knownAtUnixMs, CancellationToken ct, IReadOnlyCollection<string>? residentIds = null)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        // Only the followed persons' certificates, payments and facts when given; else every holder's.
        var holders = residentIds is null ? null : KeyList.In(database.Provider, "@residents");
        Func<DbCommand, DbCommand> bind = residentIds is null ? c => Bind(c, asOf, knownAtUnixMs)
            : c => Bind(c, asOf, knownAtUnixMs).With("@residents", KeyList.Value(database.Provider, residentIds));
        var certificates = new List<StoredCertificate>();
        await DbRows.ForEachAsync(connection, CertificatesSql(database.Provider, holders), bind, r => certificates.Add(
            new StoredCertificate(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetFieldValue<DateOnly>(4))), ct);
        var payments = new Dictionary<string, StoredTrainingPayment>(StringComparer.Ordinal);
        await DbRows.ForEachAsync(connection, PaymentsSql(database.Provider, holders), bind, r => payments[r.GetString(0)] = new StoredTrainingPayment(
            r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3), r.GetFieldValue<DateOnly>(4), r.IsDBNull(5) ? null : r.GetInt64(5), r.GetInt64(6)), ct);
        var persons = await PersonsAsync(connection, database.Provider, holders ?? CertificateHolders, asOf, bind, ct);
        return new CertificateFacts(certificates, persons, payments);
    }

    /// <summary>The facts of the persons whose resident id satisfies <paramref name="residents"/>, by resident id.</summary>
    private static async Task<Dictionary<string, PersonFacts>> PersonsAsync(DbConnection connection, StorageProvider provider, string residents, DateOnly asOf,
        Func<DbCommand, DbCommand> bind, CancellationToken ct)
    {
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);
        Builder Of(DbDataReader r) => builders.TryGetValue(r.GetString(0), out var b) ? b : builders[r.GetString(0)] = new Builder();

        await DbRows.ForEachAsync(connection, LinesSql(provider) + residents, bind, r =>
        {
            var period = r.GetInt32(1);
            Of(r).LocalMonths.Add(new YearMonth(period / 100, period % 100));
        }, ct);
        await DbRows.ForEachAsync(connection, TransfersInSql(provider) + residents + " ORDER BY r.id", bind, r =>
        {
            var transfers = Of(r).TransfersIn;
            // One request per transfer: the national system's (the first stored, as the transfer workflow reads it).
            if (!transfers.Any(t => t.TransferId == r.GetString(1)))
            {
                transfers.Add(new CompletedTransferIn(r.GetString(1), r.GetString(2), Ranges(r.GetString(3)), r.GetInt32(4),
                    r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6)));
            }
        }, ct);
        await DbRows.ForEachAsync(connection, ClaimsSql + residents + " ORDER BY c.id", bind, r =>
        {
            var outcome = r.IsDBNull(3) ? null : r.GetString(3);
            // A grant dated after D is not in force on D, and its period (from its grant date) cannot cover a day up to D.
            if (outcome == StoredProgrammeCodes.Outcome.Granted && r.GetFieldValue<DateOnly>(4) <= asOf)
            {
                Of(r).BenefitGrants.Add(new BenefitGrant(r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(4), r.GetInt32(5)));
            }
            else if (outcome is null or StoredProgrammeCodes.Outcome.Undetermined)
            {
                Of(r).PendingClaims.Add(new PendingClaim(r.GetString(1), r.GetFieldValue<DateOnly>(2)));
            }
        }, ct);
        await DbRows.ForEachAsync(connection, SkillGrantsSql + residents, bind, r =>
            Of(r).SkillGrants.Add(new SkillGrant(r.GetString(2), r.GetInt32(3), r.GetFieldValue<DateOnly>(4), r.GetString(1))), ct);

        return builders.ToDictionary(b => b.Key, b => b.Value.Facts(b.Key), StringComparer.Ordinal);
    }

    private sealed class Builder
    {
        public HashSet<YearMonth> LocalMonths { get; } = [];
        public List<CompletedTransferIn> TransfersIn { get; } = [];
        public List<BenefitGrant> BenefitGrants { get; } = [];
        public List<PendingClaim> PendingClaims { get; } = [];
        public List<SkillGrant> SkillGrants { get; } = [];

        public PersonFacts Facts(string residentId) => new(residentId, LocalMonths, TransfersIn, BenefitGrants, PendingClaims, SkillGrants);
    }

    private static DbCommand Bind(DbCommand command, DateOnly asOf, long knownAtUnixMs) =>
        command.With("@d", asOf).With("@t", knownAtUnixMs);

    /// <summary>Canonical transfer periods "201901-202012,202103-202106" → each month once.</summary>
    private static HashSet<YearMonth> Ranges(string ranges)
    {
        var months = new HashSet<YearMonth>();
        foreach (var range in ranges.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = int.Parse(range.AsSpan(0, 6), CultureInfo.InvariantCulture);
            var to = int.Parse(range.AsSpan(7, 6), CultureInfo.InvariantCulture);
            for (var m = new YearMonth(from / 100, from % 100); m <= new YearMonth(to / 100, to % 100); m = m.AddMonths(1))
            {
                months.Add(m);
            }
        }
        return months;
    }
}

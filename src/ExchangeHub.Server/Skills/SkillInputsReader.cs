using System.Globalization;
using ExchangeHub.Policy;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// Reads the facts of skill-subsidy decisions from the stored feeds: certificates, the holders' insured months
/// (REGULAR and BACK_PAYMENT contribution lines in the XPCC, and the periods of transfers in), training-subsidy
/// payments, current decisions and clawbacks already made.
/// </summary>
public sealed class SkillInputsReader(HubDatabase database)
{
    private const string CertificatesSql =
        "SELECT c.certificate_number, c.resident_id, c.occupation_code, c.level, c.issue_date FROM skill_certificates c "
        + "WHERE c.id = (SELECT MAX(c2.id) FROM skill_certificates c2 WHERE c2.certificate_number = c.certificate_number) "
        + "ORDER BY c.issue_date, c.certificate_number";

    // REGULAR and BACK_PAYMENT lines are insured months (1.(3)); one scan, holders only.
    private const string LinesSql =
        $"SELECT DISTINCT resident_id, period FROM contribution_lines WHERE kind IN {StoredLineKind.InsuredKindsSql} "
        + "AND resident_id IN (SELECT resident_id FROM skill_certificates)";

    // Insured periods transferred into the XPCC (@p0 = IN) count; overlaps count once (a set).
    private const string TransfersSql =
        "SELECT resident_id, insured_periods FROM transfer_requests WHERE direction = @p0 "
        + "AND resident_id IN (SELECT resident_id FROM skill_certificates)";

    private const string PaymentsSql =
        "SELECT p.certificate_number, p.recipient_kind, p.recipient_id, p.amount_fen, p.paid_date, p.ledger_sequence FROM training_subsidy_payments p "
        + "WHERE p.id = (SELECT MAX(p2.id) FROM training_subsidy_payments p2 WHERE p2.certificate_number = p.certificate_number)";

    private const string DecisionsSql =
        "SELECT id, certificate_number, person_key, occupation_code, level, outcome, amount_fen, decided_on, facts_sha256, policy_version "
        + "FROM skill_subsidy_decisions WHERE is_current = TRUE";

    public async Task<SkillInputs> ReadAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var certificates = new List<StoredCertificate>();
        await DbRows.ForEachAsync(connection, CertificatesSql, [], r => certificates.Add(
            new StoredCertificate(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetFieldValue<DateOnly>(4))), ct);

        var months = new Dictionary<string, HashSet<YearMonth>>(StringComparer.Ordinal);
        await DbRows.ForEachAsync(connection, LinesSql, [], r =>
        {
            var period = r.GetInt32(1);
            Months(months, r.GetString(0)).Add(new YearMonth(period / 100, period % 100));
        }, ct);
        await DbRows.ForEachAsync(connection, TransfersSql, [StoredTransferDirection.In], r => AddRanges(Months(months, r.GetString(0)), r.GetString(1)), ct);

        var payments = new Dictionary<string, StoredTrainingPayment>(StringComparer.Ordinal);
        await DbRows.ForEachAsync(connection, PaymentsSql, [], r => payments[r.GetString(0)] = new StoredTrainingPayment(
            r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3), r.GetFieldValue<DateOnly>(4), r.IsDBNull(5) ? null : r.GetInt64(5)), ct);

        var decisions = new Dictionary<string, StoredSkillDecision>(StringComparer.Ordinal);
        await DbRows.ForEachAsync(connection, DecisionsSql, [], r => decisions[r.GetString(1)] = new StoredSkillDecision(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetInt64(6),
            r.GetFieldValue<DateOnly>(7), r.GetString(8), r.GetString(9)), ct);

        var clawedBack = new HashSet<string>(StringComparer.Ordinal);
        await DbRows.ForEachAsync(connection, "SELECT certificate_number FROM subsidy_clawbacks", [], r => clawedBack.Add(r.GetString(0)), ct);
        return new SkillInputs(certificates, months, payments, decisions, clawedBack);
    }

    /// <summary>Canonical transfer periods "201901-202012,202103-202106" → each month once.</summary>
    private static void AddRanges(HashSet<YearMonth> months, string ranges)
    {
        foreach (var range in ranges.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = int.Parse(range.AsSpan(0, 6), CultureInfo.InvariantCulture);
            var to = int.Parse(range.AsSpan(7, 6), CultureInfo.InvariantCulture);
            for (var m = new YearMonth(from / 100, from % 100); m <= new YearMonth(to / 100, to % 100); m = m.AddMonths(1))
            {
                months.Add(m);
            }
        }
    }

    private static HashSet<YearMonth> Months(Dictionary<string, HashSet<YearMonth>> months, string residentId)
    {
        if (!months.TryGetValue(residentId, out var set))
        {
            set = [];
            months[residentId] = set;
        }
        return set;
    }
}

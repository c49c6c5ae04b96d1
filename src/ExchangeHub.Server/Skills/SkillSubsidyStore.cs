using System.Globalization;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Skills;

/// <summary>Writes skill-subsidy decisions and clawbacks inside the caller's lease transaction, one typed command per statement.</summary>
public static class SkillSubsidyStore
{
    private const string SupersedeSql = "UPDATE skill_subsidy_decisions SET is_current = FALSE WHERE id = @id";

    private const string InsertDecisionSql =
        "INSERT INTO skill_subsidy_decisions (certificate_number, person_key, occupation_code, level, outcome, amount_fen, decided_on, "
        + "explanation, policy_id, policy_version, facts_sha256, facts_json, knowledge_time_unix_ms, decided_at_unix_ms, is_current, supersedes_id) "
        + "VALUES (@certificate_number, @person_key, @occupation_code, @level, @outcome, @amount_fen, @decided_on, "
        + "@explanation, @policy_id, @policy_version, @facts_sha256, @facts_json, @knowledge_time_unix_ms, @decided_at_unix_ms, TRUE, @supersedes_id) "
        + "RETURNING id";

    private const string InsertClawbackSql =
        "INSERT INTO subsidy_clawbacks (certificate_number, recovered_subsidy, recipient_kind, recipient_key, amount_fen, paid_on, "
        + "skill_decision_id, explanation, decided_at_unix_ms) VALUES (@certificate_number, @recovered_subsidy, @recipient_kind, @recipient_key, "
        + "@amount_fen, @paid_on, @skill_decision_id, @explanation, @decided_at_unix_ms)";

    /// <summary>Stores the certificate's new current decision; the one it supersedes is no longer current.</summary>
    public static async Task<long> InsertDecisionAsync(WriterLease lease, SkillSubsidyDecisionRow row, CancellationToken ct)
    {
        if (row.SupersedesId is { } previous)
        {
            await SupersedeAsync(lease, previous, ct);
        }
        return Convert.ToInt64(await lease.Command(InsertDecisionSql, 0)
            .With("@certificate_number", row.CertificateNumber).With("@person_key", row.PersonKey).With("@occupation_code", row.OccupationCode)
            .With("@level", row.Level).With("@outcome", row.Outcome).With("@amount_fen", row.AmountFen).With("@decided_on", row.DecidedOn)
            .With("@explanation", row.Explanation).With("@policy_id", row.PolicyId).With("@policy_version", row.PolicyVersion)
            .With("@facts_sha256", row.FactsSha256).With("@facts_json", row.FactsJson).With("@knowledge_time_unix_ms", row.KnowledgeTimeUnixMs)
            .With("@decided_at_unix_ms", row.DecidedAtUnixMs).With("@supersedes_id", row.SupersedesId)
            .ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public static async Task InsertClawbackAsync(WriterLease lease, SubsidyClawbackRow row, CancellationToken ct) =>
        await lease.Command(InsertClawbackSql, 0)
            .With("@certificate_number", row.CertificateNumber).With("@recovered_subsidy", row.RecoveredSubsidy)
            .With("@recipient_kind", row.RecipientKind).With("@recipient_key", row.RecipientKey).With("@amount_fen", row.AmountFen)
            .With("@paid_on", row.PaidOn).With("@skill_decision_id", row.SkillDecisionId).With("@explanation", row.Explanation)
            .With("@decided_at_unix_ms", row.DecidedAtUnixMs)
            .ExecuteNonQueryAsync(ct);

    private static async Task SupersedeAsync(WriterLease lease, long decisionId, CancellationToken ct) =>
        await lease.Command(SupersedeSql, 0).With("@id", decisionId).ExecuteNonQueryAsync(ct);
}

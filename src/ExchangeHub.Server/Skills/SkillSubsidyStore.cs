using System.Globalization;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Skills;

/// <summary>Writes skill-subsidy decisions and clawbacks inside the caller's lease transaction.</summary>
public static class SkillSubsidyStore
{
    public static async Task<long> InsertDecisionAsync(WriterLease lease, SkillSubsidyDecisionRow row, CancellationToken ct)
    {
        if (row.SupersedesId is { } previous)
        {
            var supersede = lease.Command("UPDATE skill_subsidy_decisions SET is_current = FALSE WHERE id = @p0", 1);
            supersede.Parameters[0].Value = previous;
            await supersede.ExecuteNonQueryAsync(ct);
        }
        var insert = lease.Command(
            "INSERT INTO skill_subsidy_decisions (certificate_number, person_key, occupation_code, level, outcome, amount_fen, decided_on, "
            + "explanation, policy_id, policy_version, facts_sha256, decided_at_unix_ms, is_current, supersedes_id) "
            + "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, TRUE, @p12) RETURNING id", 13);
        object?[] values =
        [
            row.CertificateNumber, row.PersonKey, row.OccupationCode, row.Level, row.Outcome, row.AmountFen, row.DecidedOn, row.Explanation,
            row.PolicyId, row.PolicyVersion, row.FactsSha256, row.DecidedAtUnixMs, row.SupersedesId,
        ];
        Bind(insert, values);
        return Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public static async Task InsertClawbackAsync(WriterLease lease, SubsidyClawbackRow row, CancellationToken ct)
    {
        var insert = lease.Command(
            "INSERT INTO subsidy_clawbacks (certificate_number, recovered_subsidy, recipient_kind, recipient_key, amount_fen, paid_on, "
            + "skill_decision_id, explanation, decided_at_unix_ms) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)", 9);
        Bind(insert,
        [
            row.CertificateNumber, row.RecoveredSubsidy, row.RecipientKind, row.RecipientKey, row.AmountFen, row.PaidOn, row.SkillDecisionId,
            row.Explanation, row.DecidedAtUnixMs,
        ]);
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static void Bind(System.Data.Common.DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}

using System.Globalization;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Benefits;

/// <summary>Writes benefit claims and decisions inside the caller's lease transaction.</summary>
public static class BenefitClaimStore
{
    public static async Task InsertClaimAsync(WriterLease lease, BenefitClaimRow row, CancellationToken ct)
    {
        var insert = lease.Command(
            "INSERT INTO benefit_claims (claim_id, person_key, resident_id, applied_on, due_on, channels, separation, registered_unemployed, "
            + "previous_first_benefit_month, previous_entitled_months, previous_received_months, status, overdue_notified, submitted_at_unix_ms) "
            + "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, FALSE, @p12)", 13);
        Bind(insert,
        [
            row.ClaimId, row.PersonKey, row.ResidentId, row.AppliedOn, row.DueOn, row.Channels, row.Separation, row.RegisteredUnemployed,
            row.PreviousFirstBenefitMonth, row.PreviousEntitledMonths, row.PreviousReceivedMonths, row.Status, row.SubmittedAtUnixMs,
        ]);
        await insert.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> InsertDecisionAsync(WriterLease lease, BenefitDecisionRow row, CancellationToken ct)
    {
        if (row.SupersedesId is { } previous)
        {
            var supersede = lease.Command("UPDATE benefit_decisions SET is_current = FALSE WHERE id = @p0", 1);
            supersede.Parameters[0].Value = previous;
            await supersede.ExecuteNonQueryAsync(ct);
        }
        var insert = lease.Command(
            "INSERT INTO benefit_decisions (claim_id, outcome, max_months, carried_over_months, consolidated_insured_months, decided_on, explanation, "
            + "policy_id, policy_version, facts_sha256, decided_at_unix_ms, is_current, supersedes_id, reason) "
            + "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, TRUE, @p11, @p12) RETURNING id", 13);
        Bind(insert,
        [
            row.ClaimId, row.Outcome, row.MaxMonths, row.CarriedOverMonths, row.ConsolidatedInsuredMonths, row.DecidedOn, row.Explanation,
            row.PolicyId, row.PolicyVersion, row.FactsSha256, row.DecidedAtUnixMs, row.SupersedesId, row.Reason,
        ]);
        var id = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var status = lease.Command("UPDATE benefit_claims SET status = 'DECIDED' WHERE claim_id = @p0", 1);
        status.Parameters[0].Value = row.ClaimId;
        await status.ExecuteNonQueryAsync(ct);
        return id;
    }

    /// <summary>Marks the claim announced overdue; false when another call did so (or it was decided) meanwhile.</summary>
    public static async Task<bool> MarkOverdueAsync(WriterLease lease, string claimId, CancellationToken ct)
    {
        var update = lease.Command("UPDATE benefit_claims SET overdue_notified = TRUE WHERE claim_id = @p0 AND overdue_notified = FALSE AND status = 'SUBMITTED'", 1);
        update.Parameters[0].Value = claimId;
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    private static void Bind(System.Data.Common.DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}

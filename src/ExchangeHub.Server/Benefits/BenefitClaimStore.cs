using System.Globalization;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Benefits;

/// <summary>Writes benefit claims and decisions inside the caller's lease transaction, one typed command per statement.</summary>
public static class BenefitClaimStore
{
    private const string InsertClaimSql =
        "INSERT INTO benefit_claims (claim_id, person_key, resident_id, applied_on, due_on, due_undetermined, channels, separation, registered_unemployed, "
        + "previous_first_benefit_month, previous_entitled_months, previous_received_months, status, overdue_notified, submitted_at_unix_ms) "
        + "VALUES (@claim_id, @person_key, @resident_id, @applied_on, @due_on, @due_undetermined, @channels, @separation, @registered_unemployed, "
        + "@previous_first_benefit_month, @previous_entitled_months, @previous_received_months, @status, FALSE, @submitted_at_unix_ms)";

    private const string SupersedeSql = "UPDATE benefit_decisions SET is_current = FALSE WHERE id = @id";

    private const string InsertDecisionSql =
        "INSERT INTO benefit_decisions (claim_id, outcome, max_months, carried_over_months, consolidated_insured_months, decided_on, decision_date, "
        + "explanation, missing_facts, policy_id, policy_version, facts_sha256, facts_json, knowledge_time_unix_ms, decided_at_unix_ms, is_current, supersedes_id, "
        + "reason) VALUES (@claim_id, @outcome, @max_months, @carried_over_months, @consolidated_insured_months, @decided_on, @decision_date, @explanation, "
        + "@missing_facts, "
        + "@policy_id, @policy_version, @facts_sha256, @facts_json, @knowledge_time_unix_ms, @decided_at_unix_ms, TRUE, @supersedes_id, @reason) RETURNING id";

    private const string StatusSql = "UPDATE benefit_claims SET status = @status WHERE claim_id = @claim_id";

    private const string MarkOverdueSql =
        "UPDATE benefit_claims SET overdue_notified = TRUE WHERE claim_id = @claim_id AND overdue_notified = FALSE AND status = @status";

    public static async Task InsertClaimAsync(WriterLease lease, BenefitClaimRow row, CancellationToken ct) =>
        await lease.Command(InsertClaimSql, 0)
            .With("@claim_id", row.ClaimId).With("@person_key", row.PersonKey).With("@resident_id", row.ResidentId)
            .With("@applied_on", row.AppliedOn).With("@due_on", row.DueOn).With("@due_undetermined", row.DueUndetermined).With("@channels", row.Channels).With("@separation", row.Separation)
            .With("@registered_unemployed", row.RegisteredUnemployed).With("@previous_first_benefit_month", row.PreviousFirstBenefitMonth)
            .With("@previous_entitled_months", row.PreviousEntitledMonths).With("@previous_received_months", row.PreviousReceivedMonths)
            .With("@status", row.Status).With("@submitted_at_unix_ms", row.SubmittedAtUnixMs)
            .ExecuteNonQueryAsync(ct);

    /// <summary>
    /// Stores the claim's new current decision (the one it supersedes no longer current); the claim is then DECIDED, or
    /// stays SUBMITTED (open) when the decision is UNDETERMINED (<see cref="BenefitClaimSteps.StatusAfter"/>).
    /// </summary>
    public static async Task<long> InsertDecisionAsync(WriterLease lease, BenefitDecisionRow row, CancellationToken ct)
    {
        if (row.SupersedesId is { } previous)
        {
            await SupersedeAsync(lease, previous, ct);
        }
        var id = Convert.ToInt64(await lease.Command(InsertDecisionSql, 0)
            .With("@claim_id", row.ClaimId).With("@outcome", row.Outcome).With("@max_months", row.MaxMonths)
            .With("@carried_over_months", row.CarriedOverMonths).With("@consolidated_insured_months", row.ConsolidatedInsuredMonths)
            .With("@decided_on", row.DecidedOn).With("@decision_date", row.DecisionDate).With("@explanation", row.Explanation)
            .With("@missing_facts", row.MissingFacts).With("@policy_id", row.PolicyId).With("@policy_version", row.PolicyVersion).With("@facts_sha256", row.FactsSha256)
            .With("@facts_json", row.FactsJson).With("@knowledge_time_unix_ms", row.KnowledgeTimeUnixMs).With("@decided_at_unix_ms", row.DecidedAtUnixMs)
            .With("@supersedes_id", row.SupersedesId).With("@reason", row.Reason)
            .ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        await SetStatusAsync(lease, row.ClaimId, BenefitClaimSteps.StatusAfter(row.Outcome), ct);
        return id;
    }

    /// <summary>Marks the claim announced overdue; false when another call did so (or it was decided) meanwhile.</summary>
    public static async Task<bool> MarkOverdueAsync(WriterLease lease, string claimId, CancellationToken ct) =>
        await lease.Command(MarkOverdueSql, 0).With("@claim_id", claimId).With("@status", StoredClaimStatus.Submitted).ExecuteNonQueryAsync(ct) == 1;

    private static async Task SupersedeAsync(WriterLease lease, long decisionId, CancellationToken ct) =>
        await lease.Command(SupersedeSql, 0).With("@id", decisionId).ExecuteNonQueryAsync(ct);

    private static async Task SetStatusAsync(WriterLease lease, string claimId, string status, CancellationToken ct) =>
        await lease.Command(StatusSql, 0).With("@status", status).With("@claim_id", claimId).ExecuteNonQueryAsync(ct);
}

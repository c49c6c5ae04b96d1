using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// Reads claims and their current decisions (the claimant's facts come from <see cref="Facts.PersonFactsReader"/>).
/// </summary>
public sealed class BenefitClaimReader(HubDatabase database)
{
    private const string ClaimColumns =
        "claim_id, person_key, resident_id, applied_on, due_on, channels, separation, registered_unemployed, previous_first_benefit_month, "
        + "previous_entitled_months, previous_received_months, status, overdue_notified, due_undetermined FROM benefit_claims";

    private const string DecisionSql =
        "SELECT id, outcome, max_months, carried_over_months, consolidated_insured_months, decided_on, facts_sha256, policy_version "
        + "FROM benefit_decisions WHERE claim_id = @p0 AND is_current = TRUE";

    private const string OverdueSql =
        $"SELECT {ClaimColumns} WHERE status = '{StoredClaimStatus.Submitted}' AND overdue_notified = FALSE AND due_on < @p0 ORDER BY id";

    private const string GrantedSql =
        $"SELECT {ClaimColumns} WHERE claim_id IN (SELECT claim_id FROM benefit_decisions "
        + $"WHERE is_current = TRUE AND outcome = '{StoredProgrammeCodes.Outcome.Granted}')";

    // Pending at (D, T): applied for by D and submitted by T, with no decision current at T other than UNDETERMINED (as
    // PersonFactsReader's pending claims); keyset pages by claim id, so a what-if holds one page of claims at a time.
    private const string PendingSql =
        $"SELECT {ClaimColumns} WHERE applied_on <= @p0 AND submitted_at_unix_ms <= @p1 AND claim_id > @p2 AND NOT EXISTS ("
        + $"SELECT 1 FROM benefit_decisions d WHERE d.claim_id = benefit_claims.claim_id AND d.decided_at_unix_ms <= @p1 "
        + $"AND d.outcome <> '{StoredProgrammeCodes.Outcome.Undetermined}' "
        + "AND NOT EXISTS (SELECT 1 FROM benefit_decisions s WHERE s.supersedes_id = d.id AND s.decided_at_unix_ms <= @p1)) "
        + "ORDER BY claim_id LIMIT @p3";

    /// <summary>Up to <paramref name="limit"/> claims pending at (D, T) whose id sorts after <paramref name="after"/> ("" for the first page).</summary>
    public Task<List<StoredClaim>> PendingAsync(FactsAsOf asOf, string after, int limit, CancellationToken ct) =>
        ClaimsAsync(PendingSql, [asOf.DecisionDate, asOf.KnowledgeTimeUnixMs, after, limit], ct);

    public async Task<StoredClaim?> ClaimAsync(string claimId, CancellationToken ct) =>
        (await ClaimsAsync($"SELECT {ClaimColumns} WHERE claim_id = @p0", [claimId], ct)).SingleOrDefault();

    public Task<List<StoredClaim>> ClaimsOfResidentAsync(string residentId, CancellationToken ct) =>
        ClaimsAsync($"SELECT {ClaimColumns} WHERE resident_id = @p0 ORDER BY id", [residentId], ct);

    /// <summary>Claims still SUBMITTED whose due date is before <paramref name="today"/> and not yet announced overdue.</summary>
    public Task<List<StoredClaim>> OverdueAsync(DateOnly today, CancellationToken ct) =>
        ClaimsAsync(OverdueSql, [today], ct);

    /// <summary>Claims whose current decision is GRANTED: every person's, or one resident's.</summary>
    public Task<List<StoredClaim>> GrantedAsync(string? residentId, CancellationToken ct) =>
        ClaimsAsync(GrantedSql + (residentId is null ? "" : " AND resident_id = @p0") + " ORDER BY id", residentId is null ? [] : [residentId], ct);

    /// <summary>A person's claims by pseudonymous key, oldest first.</summary>
    public Task<List<StoredClaim>> ClaimsOfPersonAsync(string personKey, CancellationToken ct) =>
        ClaimsAsync($"SELECT {ClaimColumns} WHERE person_key = @p0 ORDER BY id", [personKey], ct);

    public async Task<StoredBenefitDecision?> CurrentDecisionAsync(string claimId, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        StoredBenefitDecision? decision = null;
        await DbRows.ForEachAsync(connection, DecisionSql, [claimId], r => decision = new StoredBenefitDecision(r.GetInt64(0), r.GetString(1),
            r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetFieldValue<DateOnly>(5), r.GetString(6), r.GetString(7)), ct);
        return decision;
    }

    private async Task<List<StoredClaim>> ClaimsAsync(string sql, object[] values, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var claims = new List<StoredClaim>();
        await DbRows.ForEachAsync(connection, sql, values, r =>
        {
            PreviousSpell? previous = r.IsDBNull(8) ? null : new PreviousSpell(YearMonth.Parse(r.GetString(8)), r.GetInt32(9), r.GetInt32(10));
            claims.Add(new StoredClaim(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4), r.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries),
                r.IsDBNull(6) ? null : StoredEnums.Separation(r.GetString(6)), r.IsDBNull(7) ? null : r.GetBoolean(7), previous,
                r.GetString(11), r.GetBoolean(12), r.IsDBNull(13) ? null : r.GetString(13)));
        }, ct);
        return claims;
    }
}

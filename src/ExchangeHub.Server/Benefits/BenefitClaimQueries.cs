using System.Data.Common;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Benefits;

/// <summary>Reads claims with their decisions, as records (<see cref="BenefitClaimContract"/> puts them into the contract).</summary>
public sealed class BenefitClaimQueries(HubDatabase database)
{
    private const string DecisionsSql =
        "SELECT id, outcome, max_months, carried_over_months, consolidated_insured_months, decided_on, policy_id, policy_version, facts_sha256, "
        + "decided_at_unix_ms, is_current, supersedes_id, reason, explanation, missing_facts, decision_date, knowledge_time_unix_ms FROM benefit_decisions WHERE claim_id = @p0 ORDER BY is_current DESC, id DESC";

    public async Task<BenefitClaimHistory> HistoryAsync(StoredClaim claim, DateOnly today, CancellationToken ct)
    {
        var decisions = new List<BenefitDecisionEntry>();
        await using (var connection = await database.OpenReaderAsync(ct))
        {
            await DbRows.ForEachAsync(connection, DecisionsSql, [claim.ClaimId], r => decisions.Add(Decision(r)), ct);
        }
        return new BenefitClaimHistory(claim, decisions, BenefitClaimSteps.Overdue(claim.DueOn,
            decisions.Where(d => BenefitClaimSteps.Decides(d.Outcome)).Select(d => d.DecidedOn), today));
    }

    private static BenefitDecisionEntry Decision(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetFieldValue<DateOnly>(5), r.GetString(6), r.GetString(7),
        r.GetString(8), r.GetInt64(9), r.GetBoolean(10), r.IsDBNull(11) ? null : r.GetInt64(11), r.GetString(12), ExplanationJson.Read(r.GetString(13)),
        r.GetString(14).Split(',', StringSplitOptions.RemoveEmptyEntries), r.GetFieldValue<DateOnly>(15), r.GetInt64(16));
}

using System.Data.Common;
using System.Globalization;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Benefits;

/// <summary>Reads claims with their decisions for the gRPC service.</summary>
public sealed class BenefitClaimQueries(HubDatabase database)
{
    private const string DecisionsSql =
        "SELECT id, outcome, max_months, carried_over_months, consolidated_insured_months, decided_on, policy_id, policy_version, facts_sha256, "
        + "decided_at_unix_ms, is_current, supersedes_id, reason, explanation FROM benefit_decisions WHERE claim_id = @n ORDER BY is_current DESC, id DESC";

    public async Task<BenefitClaimRecord> RecordAsync(StoredClaim claim, DateOnly today, CancellationToken ct)
    {
        var record = new BenefitClaimRecord
        {
            ClaimId = claim.ClaimId, PersonKey = claim.PersonKey, AppliedDate = BenefitFactsJson.Date(claim.AppliedOn),
            DueDate = claim.DueOn is { } due ? BenefitFactsJson.Date(due) : "", Status = claim.Status, Channels = { claim.Channels },
        };
        await using var connection = await database.OpenReaderAsync(ct);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = DecisionsSql;
            var p = command.CreateParameter();
            p.ParameterName = "@n";
            p.Value = claim.ClaimId;
            command.Parameters.Add(p);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                record.Decisions.Add(Decision(reader));
            }
        }
        // Overdue: still open after the due date, or first decided after it.
        var firstDecided = record.Decisions.Count == 0 ? (DateOnly?)null : record.Decisions.Min(d => DateOnly.ParseExact(d.DecidedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        record.Overdue = claim.DueOn is { } dueOn && (firstDecided ?? today) > dueOn;
        return record;
    }

    private static BenefitDecisionRecord Decision(DbDataReader reader)
    {
        var record = new BenefitDecisionRecord
        {
            DecisionId = reader.GetInt64(0), Outcome = reader.GetString(1), MaxMonths = reader.GetInt32(2), CarriedOverMonths = reader.GetInt32(3),
            ConsolidatedInsuredMonths = reader.GetInt32(4), DecidedOn = BenefitFactsJson.Date(reader.GetFieldValue<DateOnly>(5)),
            Policy = $"{reader.GetString(6)} {reader.GetString(7)}", FactsSha256 = reader.GetString(8),
            DecidedAt = StoredExplanation.Iso(reader.GetInt64(9)),
            IsCurrent = reader.GetBoolean(10), SupersedesDecisionId = reader.IsDBNull(11) ? 0 : reader.GetInt64(11), Reason = reader.GetString(12),
        };
        record.Explanation.Add(StoredExplanation.Rules(reader.GetString(13)));
        return record;
    }
}

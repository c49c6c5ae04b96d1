using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// Replays a stored benefit decision ("FACTS", 3.(4)): the claimant's facts read as of its decision date D with the
/// knowledge at its T (<see cref="PersonFactsReader"/>), the claim's facts built again (<see cref="BenefitClaimFacts"/>)
/// and decided by the same step as the workflow (<see cref="BenefitClaimSteps.Decide"/>): a recalculation (2.(4)) from
/// the decision it superseded. Reads only: nothing is written or published.
/// </summary>
public sealed class BenefitReplay(HubDatabase database, BenefitClaimReader claims, PersonFactsReader personFacts, PolicySet policy)
{
    private const string DecisionSql =
        "SELECT claim_id, decision_date, knowledge_time_unix_ms, policy_version, facts_json, facts_sha256, outcome, max_months, explanation, supersedes_id "
        + "FROM benefit_decisions WHERE id = @id";

    private const string SupersededSql =
        "SELECT id, outcome, max_months, carried_over_months, consolidated_insured_months, decided_on, facts_sha256, policy_version "
        + "FROM benefit_decisions WHERE id = @id";

    private readonly BenefitDecider _decider = new(policy);

    private sealed record Stored(string ClaimId, DateOnly DecisionDate, long KnownAtUnixMs, ReplayDifferences.Side Side, long? SupersedesId);

    /// <summary>The replay of decision <paramref name="decisionId"/>, or null when there is no such decision.</summary>
    public async Task<PersonDecisionReplay?> ReplayAsync(long decisionId, CancellationToken ct)
    {
        Stored? stored = null;
        StoredBenefitDecision? superseded = null;
        await using (var connection = await database.OpenReaderAsync(ct))
        {
            await DbRows.ForEachAsync(connection, DecisionSql, c => c.With("@id", decisionId), r => stored = new Stored(r.GetString(0),
                r.GetFieldValue<DateOnly>(1), r.GetInt64(2), new ReplayDifferences.Side(r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetInt32(7), r.GetString(8)), r.IsDBNull(9) ? null : r.GetInt64(9)), ct);
            if (stored?.SupersedesId is { } previous)
            {
                await DbRows.ForEachAsync(connection, SupersededSql, c => c.With("@id", previous), r => superseded = new StoredBenefitDecision(
                    r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetFieldValue<DateOnly>(5), r.GetString(6),
                    r.GetString(7)), ct);
            }
        }
        if (stored is null || await claims.ClaimAsync(stored.ClaimId, ct) is not { } claim)
        {
            return null;
        }
        var person = await personFacts.PersonAsync(claim.ResidentId, stored.DecisionDate, stored.KnownAtUnixMs, ct);
        var facts = BenefitClaimFacts.Of(claim, person);
        var json = BenefitFactsJson.Serialize(facts);
        var (decision, explanation, _) = BenefitClaimSteps.Decide(_decider, policy, claim.PersonKey, facts, stored.DecisionDate, superseded);
        var replayed = new ReplayDifferences.Side(policy.Stamp(), json, CanonicalJson.Sha256(json), BenefitCodes.Outcome(decision.Outcome),
            decision.MaxMonths, ExplanationJson.Write(explanation));
        return PersonDecisionReplay.Of(ReplayProgramme.Benefit, policy.Id, decisionId, claim.ClaimId, claim.PersonKey, stored.DecisionDate, stored.KnownAtUnixMs, stored.Side, replayed,
            PersonDecisionReplay.Months);
    }

    /// <summary>The current decision of every claim, by id; <paramref name="year"/> (0: all) filters by decision date.</summary>
    public Task<List<long>> CurrentAsync(int year, CancellationToken ct) =>
        YearListing.ReadAsync(database, "SELECT id FROM benefit_decisions", "is_current = TRUE", "decision_date", year, r => r.GetInt64(0), ct);
}

using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// Replays a stored refund decision ("FACTS"): its unit's facts read as the hub knew them at the decision's knowledge
/// time T, valid on its decision date D, decided again by the same rules (<see cref="RefundFactsBuilder"/>,
/// <see cref="RefundDecider"/>) and compared with what was stored. A correction recorded after T is not seen, so a
/// decision replays identically however many later runs superseded it. Reads only: nothing is written or published.
/// </summary>
public sealed class RefundReplay(HubDatabase database, StoredFactsReader factsReader, PolicySet policy)
{
    private readonly RefundDecider _decider = new(policy);

    private sealed record Stored(string Uscc, int ProgramYear, DateOnly DecisionDate, long KnowledgeTimeUnixMs, ReplayDifferences.Side Side);

    /// <summary>The replay of decision <paramref name="decisionId"/>, or null when there is no such decision.</summary>
    public async Task<ReplayedDecision?> ReplayAsync(long decisionId, CancellationToken ct)
    {
        if (await ReadAsync(decisionId, ct) is not { } stored)
        {
            return null;
        }
        var asOf = new FactsAsOf(stored.DecisionDate, stored.KnowledgeTimeUnixMs);
        var facts = RefundFactsBuilder.Build(stored.Uscc, await factsReader.ReadOneAsync(stored.Uscc, asOf, ct));
        var decision = _decider.Decide(facts, stored.DecisionDate);
        var factsJson = RefundFactsJson.Serialize(facts);
        var replayed = new ReplayDifferences.Side(policy.Stamp(), factsJson, CanonicalJson.Sha256(factsJson),
            RuleOutcomes.Upper<RefundOutcome>(decision.Outcome), decision.AmountFen, ExplanationJson.Write(decision.Explanation));
        var was = stored.Side;
        return new ReplayedDecision(decisionId, stored.Uscc, stored.ProgramYear, stored.DecisionDate, stored.KnowledgeTimeUnixMs, policy.Id,
            was, replayed, ReplayDifferences.First(was, replayed, RefundFactsJson.Describe));
    }

    private async Task<Stored?> ReadAsync(long decisionId, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT uscc, program_year, decision_date, knowledge_time_unix_ms, policy_version, facts, facts_sha256, outcome, "
            + "amount_fen, explanation FROM refund_decisions WHERE id = @id";
        command.With("@id", decisionId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Stored(reader.GetString(0), reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt64(3),
                new ReplayDifferences.Side(reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetInt64(8),
                    reader.GetString(9)))
            : null;
    }
}

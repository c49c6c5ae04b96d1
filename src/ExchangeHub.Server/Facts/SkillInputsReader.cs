using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// Reads what a skill-subsidy call decides from: the certificates, their holders' facts and the training subsidies as
/// of the decision date with the knowledge at T (all through <see cref="PersonFactsReader"/>), and the programme's own
/// current decisions and clawbacks already made.
/// </summary>
public sealed class SkillInputsReader(HubDatabase database, PersonFactsReader facts)
{
    private const string DecisionsSql =
        "SELECT id, certificate_number, person_key, occupation_code, level, outcome, amount_fen, decided_on, facts_sha256, policy_version, decided_at_unix_ms "
        + "FROM skill_subsidy_decisions WHERE is_current = TRUE";

    /// <summary>What a call dated <paramref name="decisionDate"/> reads at T; only <paramref name="residentIds"/>' certificates when given (a follow-up).</summary>
    public async Task<SkillInputs> ReadAsync(DateOnly decisionDate, long knownAtUnixMs, CancellationToken ct, IReadOnlyCollection<string>? residentIds = null)
    {
        var certificates = await facts.CertificatesAsync(decisionDate, knownAtUnixMs, ct, residentIds);
        await using var connection = await database.OpenReaderAsync(ct);
        var decisions = new Dictionary<string, StoredSkillDecision>(StringComparer.Ordinal);
        await DbRows.ForEachAsync(connection, DecisionsSql, [], r => decisions[r.GetString(1)] = new StoredSkillDecision(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetInt64(6),
            r.GetFieldValue<DateOnly>(7), r.GetString(8), r.GetString(9), r.GetInt64(10)), ct);

        var clawedBack = new HashSet<string>(StringComparer.Ordinal);
        await DbRows.ForEachAsync(connection, "SELECT certificate_number FROM subsidy_clawbacks", [], r => clawedBack.Add(r.GetString(0)), ct);
        return new SkillInputs(certificates, decisions, clawedBack);
    }
}

using System.Data.Common;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// Reads a certificate's or a person's skill-subsidy decisions and clawbacks, as records (<see cref="SkillSubsidyContract"/>
/// puts them into the contract).
/// </summary>
public sealed class SkillSubsidyQueries(HubDatabase database)
{
    private const string DecisionColumns =
        "SELECT id, certificate_number, person_key, occupation_code, level, outcome, amount_fen, decided_on, policy_id, policy_version, "
        + "facts_sha256, decided_at_unix_ms, is_current, supersedes_id, explanation, knowledge_time_unix_ms FROM skill_subsidy_decisions ";

    private const string DecisionsSql = DecisionColumns + "WHERE certificate_number = @p0 ORDER BY is_current DESC, id DESC";

    private const string PersonDecisionsSql = DecisionColumns + "WHERE person_key = @p0 AND is_current = TRUE ORDER BY decided_on, id";

    private const string ClawbackColumns =
        "SELECT certificate_number, recovered_subsidy, recipient_kind, recipient_key, amount_fen, paid_on, decided_at_unix_ms FROM subsidy_clawbacks ";

    private const string ClawbackSql = ClawbackColumns + "WHERE certificate_number = @p0";

    /// <summary>Recovered from the person, or for a certificate the person holds (the unit that trained them repays).</summary>
    private const string PersonClawbacksSql = ClawbackColumns
        + "WHERE recipient_key = @p0 OR certificate_number IN (SELECT certificate_number FROM skill_subsidy_decisions WHERE person_key = @p0) "
        + "ORDER BY decided_at_unix_ms, certificate_number";

    /// <summary>A certificate's decisions (current first, then newest first) and its clawback, if any.</summary>
    public async Task<(List<SkillDecisionEntry> Decisions, SkillClawbackEntry? Clawback)> CertificateAsync(string number, CancellationToken ct)
    {
        var (decisions, clawbacks) = await ReadAsync(DecisionsSql, ClawbackSql, number, ct);
        return (decisions, clawbacks.FirstOrDefault());
    }

    /// <summary>A person's decisions in force (one per certificate) and the clawbacks that concern the person.</summary>
    public Task<(List<SkillDecisionEntry> Decisions, List<SkillClawbackEntry> Clawbacks)> PersonAsync(string personKey, CancellationToken ct) =>
        ReadAsync(PersonDecisionsSql, PersonClawbacksSql, personKey, ct);

    private async Task<(List<SkillDecisionEntry>, List<SkillClawbackEntry>)> ReadAsync(string decisionsSql, string clawbacksSql, string key,
        CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var decisions = new List<SkillDecisionEntry>();
        await DbRows.ForEachAsync(connection, decisionsSql, [key], r => decisions.Add(Decision(r)), ct);
        var clawbacks = new List<SkillClawbackEntry>();
        await DbRows.ForEachAsync(connection, clawbacksSql, [key], r => clawbacks.Add(Clawback(r)), ct);
        return (decisions, clawbacks);
    }

    private static SkillClawbackEntry Clawback(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetFieldValue<DateOnly>(5), r.GetInt64(6));

    private static SkillDecisionEntry Decision(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetInt64(6), r.GetFieldValue<DateOnly>(7),
        r.GetString(8), r.GetString(9), r.GetString(10), r.GetInt64(11), r.GetBoolean(12), r.IsDBNull(13) ? null : r.GetInt64(13),
        ExplanationJson.Read(r.GetString(14)), r.GetInt64(15));
}

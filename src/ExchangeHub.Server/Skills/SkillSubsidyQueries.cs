using System.Data.Common;
using System.Globalization;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Skills;

/// <summary>Reads a certificate's skill-subsidy decisions and clawback for the gRPC service.</summary>
public sealed class SkillSubsidyQueries(HubDatabase database)
{
    private const string DecisionColumns =
        "SELECT id, certificate_number, person_key, occupation_code, level, outcome, amount_fen, decided_on, policy_id, policy_version, "
        + "facts_sha256, decided_at_unix_ms, is_current, supersedes_id, explanation FROM skill_subsidy_decisions ";

    private const string DecisionsSql = DecisionColumns + "WHERE certificate_number = @n ORDER BY is_current DESC, id DESC";

    private const string PersonDecisionsSql = DecisionColumns + "WHERE person_key = @n AND is_current = TRUE ORDER BY decided_on, id";

    private const string ClawbackColumns =
        "SELECT certificate_number, recovered_subsidy, recipient_kind, recipient_key, amount_fen, paid_on, decided_at_unix_ms FROM subsidy_clawbacks ";

    private const string ClawbackSql = ClawbackColumns + "WHERE certificate_number = @n";

    /// <summary>Recovered from the person, or for a certificate the person holds (the unit that trained them repays).</summary>
    private const string PersonClawbacksSql = ClawbackColumns
        + "WHERE recipient_key = @n OR certificate_number IN (SELECT certificate_number FROM skill_subsidy_decisions WHERE person_key = @n) "
        + "ORDER BY decided_at_unix_ms, certificate_number";

    public async Task<(List<SkillSubsidyDecisionRecord> Decisions, SubsidyClawbackRecord? Clawback)> CertificateAsync(string number, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var decisions = new List<SkillSubsidyDecisionRecord>();
        await using (var command = Command(connection, DecisionsSql, number))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                decisions.Add(Decision(reader));
            }
        }
        SubsidyClawbackRecord? clawback = null;
        await using (var command = Command(connection, ClawbackSql, number))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                clawback = Clawback(reader);
            }
        }
        return (decisions, clawback);
    }

    /// <summary>A person's decisions in force (one per certificate) and the clawbacks that concern the person.</summary>
    public async Task<(List<SkillSubsidyDecisionRecord> Decisions, List<SubsidyClawbackRecord> Clawbacks)> PersonAsync(string personKey, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var decisions = new List<SkillSubsidyDecisionRecord>();
        await using (var command = Command(connection, PersonDecisionsSql, personKey))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                decisions.Add(Decision(reader));
            }
        }
        var clawbacks = new List<SubsidyClawbackRecord>();
        await using (var command = Command(connection, PersonClawbacksSql, personKey))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                clawbacks.Add(Clawback(reader));
            }
        }
        return (decisions, clawbacks);
    }

    private static SubsidyClawbackRecord Clawback(DbDataReader reader) => new()
    {
        CertificateNumber = reader.GetString(0), RecoveredSubsidy = reader.GetString(1), RecipientKind = reader.GetString(2),
        RecipientKey = reader.GetString(3), AmountFen = reader.GetInt64(4), PaidOn = Date(reader.GetFieldValue<DateOnly>(5)),
        DecidedAt = StoredExplanation.Iso(reader.GetInt64(6)),
    };

    private static SkillSubsidyDecisionRecord Decision(DbDataReader reader)
    {
        var record = new SkillSubsidyDecisionRecord
        {
            DecisionId = reader.GetInt64(0), CertificateNumber = reader.GetString(1), PersonKey = reader.GetString(2), OccupationCode = reader.GetString(3),
            Level = reader.GetInt32(4), Outcome = reader.GetString(5), AmountFen = reader.GetInt64(6), DecidedOn = Date(reader.GetFieldValue<DateOnly>(7)),
            Policy = $"{reader.GetString(8)} {reader.GetString(9)}", FactsSha256 = reader.GetString(10), DecidedAt = StoredExplanation.Iso(reader.GetInt64(11)),
            IsCurrent = reader.GetBoolean(12), SupersedesDecisionId = reader.IsDBNull(13) ? 0 : reader.GetInt64(13),
        };
        record.Explanation.Add(StoredExplanation.Rules(reader.GetString(14)));
        return record;
    }

    private static DbCommand Command(DbConnection connection, string sql, string number)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "@n";
        p.Value = number;
        command.Parameters.Add(p);
        return command;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}

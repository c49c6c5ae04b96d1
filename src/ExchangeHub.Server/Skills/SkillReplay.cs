using ExchangeHub.Policy;
using ExchangeHub.Policy.Skills;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// Replays a stored skill-subsidy decision ("FACTS", 3.(4)): the certificates read as of its decision date D with the
/// knowledge at its T (<see cref="PersonFactsReader.CertificatesAsync"/>, as the call read them), and the certificates
/// the same call decided for the person (the person's decisions stored with that T) planned again in issue-date order
/// by <see cref="SkillPlanning.Person"/> — so a grant earlier in that call is a prior grant again, while the grants of
/// earlier calls come from the facts at T. Reads only: nothing is written or published.
/// </summary>
public sealed class SkillReplay(HubDatabase database, PersonFactsReader facts, PersonKey personKey, PolicySet policy)
{
    private const string DecisionSql =
        "SELECT certificate_number, person_key, decided_on, knowledge_time_unix_ms, policy_version, facts_json, facts_sha256, outcome, amount_fen, "
        + "explanation FROM skill_subsidy_decisions WHERE id = @id";

    /// <summary>The person's certificates decided by the call that read at T: every decision of one call carries its T.</summary>
    private const string SameCallSql =
        "SELECT certificate_number FROM skill_subsidy_decisions WHERE person_key = @person_key AND knowledge_time_unix_ms = @t";

    private readonly SkillSubsidyDecider _decider = new(policy);

    /// <summary>
    /// The facts of the last (D, T) replayed: a call's decisions share them, and facts as of a past T do not change, so
    /// replaying a whole call reads them once.
    /// </summary>
    private CachedFacts? _last;

    private sealed record CachedFacts(DateOnly DecisionDate, long KnownAtUnixMs, CertificateFacts Facts);

    private sealed record Stored(string Number, string PersonKey, DateOnly DecisionDate, long KnownAtUnixMs, ReplayDifferences.Side Side);

    /// <summary>The replay of decision <paramref name="decisionId"/>, or null when there is no such decision.</summary>
    public async Task<PersonDecisionReplay?> ReplayAsync(long decisionId, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        Stored? stored = null;
        await DbRows.ForEachAsync(connection, DecisionSql, c => c.With("@id", decisionId), r => stored = new Stored(r.GetString(0), r.GetString(1),
            r.GetFieldValue<DateOnly>(2), r.GetInt64(3), new ReplayDifferences.Side(r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
                r.GetInt64(8), r.GetString(9))), ct);
        if (stored is null)
        {
            return null;
        }
        var sameCall = new HashSet<string>(StringComparer.Ordinal);
        await DbRows.ForEachAsync(connection, SameCallSql, c => c.With("@person_key", stored.PersonKey).With("@t", stored.KnownAtUnixMs),
            r => sameCall.Add(r.GetString(0)), ct);
        var certificates = await FactsAsync(stored.DecisionDate, stored.KnownAtUnixMs, ct);
        var replayed = Replay(stored, certificates, sameCall);
        return PersonDecisionReplay.Of(ReplayProgramme.Skill, policy.Id, decisionId, stored.Number, stored.PersonKey, stored.DecisionDate, stored.KnownAtUnixMs, stored.Side, replayed,
            PersonDecisionReplay.Fen);
    }

    /// <summary>The current decision of every certificate, by id; <paramref name="year"/> (0: all) filters by decision date.</summary>
    public Task<List<long>> CurrentAsync(int year, CancellationToken ct) =>
        YearListing.ReadAsync(database, "SELECT id FROM skill_subsidy_decisions", "is_current = TRUE", "decided_on", year, r => r.GetInt64(0), ct);

    private ReplayDifferences.Side Replay(Stored stored, CertificateFacts certificates, HashSet<string> sameCall)
    {
        if (certificates.Certificates.FirstOrDefault(c => c.Number == stored.Number) is not { } target)
        {
            // The certificate was not known at T: nothing to decide from (a facts difference names it).
            return new ReplayDifferences.Side(policy.Stamp(), "{}", "", "", 0, "[]");
        }
        var holder = certificates.HolderOf(target);
        // The grants of earlier calls; the call's own grants are planned again below, in its order.
        var earlier = holder.SkillGrants.Where(g => g.CertificateNumber is null || !sameCall.Contains(g.CertificateNumber));
        var call = certificates.Certificates.Where(c => c.ResidentId == target.ResidentId && (sameCall.Contains(c.Number) || c.Number == target.Number));
        var (decided, _) = SkillPlanning.Person(_decider, personKey.Of(target.ResidentId), holder, call, earlier, _ => null,
            SkillPayments.TrainingOf(certificates, personKey.Of), policy.Stamp(), stored.DecisionDate);
        var planned = decided.Single(p => p.Stored.Number == target.Number);
        var d = planned.Decision;
        return new ReplayDifferences.Side(policy.Stamp(), planned.FactsJson, planned.FactsSha256, SkillCodes.Outcome(d.Outcome), d.AmountFen,
            ExplanationJson.Write(d.Explanation));
    }

    private async Task<CertificateFacts> FactsAsync(DateOnly decisionDate, long knownAtUnixMs, CancellationToken ct)
    {
        if (_last is { } last && last.DecisionDate == decisionDate && last.KnownAtUnixMs == knownAtUnixMs)
        {
            return last.Facts;
        }
        var read = await facts.CertificatesAsync(decisionDate, knownAtUnixMs, ct);
        _last = new CachedFacts(decisionDate, knownAtUnixMs, read);
        return read;
    }
}

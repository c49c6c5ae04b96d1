using System.Globalization;
using System.Text.Json.Nodes;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Transfers;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// Replays what the hub decided on a transfer ("FACTS", 3.(4)), from the facts stored with the case
/// (<see cref="TransferFactsJson"/>). A transfer-out: the months paid here read again as of its request date with the
/// knowledge at its T (<see cref="PersonFactsReader"/>, as <see cref="TransferWorkflow"/> read them) and the fund and its
/// explanation decided again (<see cref="TransferDecider"/>) from the operator's monthly benefit and months due. An
/// incoming request: accepting or refusing is the operator's choice, not a rule, so the replay re-reads the feed record
/// as known when the case was decided (its first status's record time, <c>transfer_case_statuses</c>) and is identical
/// when its facts come out the same. Reads only.
/// </summary>
public sealed class TransferReplay(HubDatabase database, TransferRequestsReader feedRequests, PersonFactsReader personFacts, PolicySet policy,
    TimeProvider clock)
{
    private const string CaseSql =
        "SELECT c.direction, c.person_key, c.resident_id, c.requested_on, c.fund_amount_fen, c.facts_json, c.policy_version, c.explanation, "
        + "(SELECT MIN(s.recorded_at_unix_ms) FROM transfer_case_statuses s WHERE s.transfer_id = c.transfer_id) FROM transfer_cases c WHERE c.transfer_id = @id";

    private const string NoExplanation = "[]";

    private readonly TransferDecider _decider = new(policy);

    private sealed record Stored(TransferCaseDirection Direction, string PersonKey, string ResidentId, DateOnly RequestedOn, long FundAmountFen,
        string FactsJson, string PolicyVersion, string Explanation, long? DecidedAtUnixMs);

    /// <summary>The replay of transfer <paramref name="transferId"/>, or null when the hub has no such transfer.</summary>
    public async Task<PersonDecisionReplay?> ReplayAsync(string transferId, CancellationToken ct)
    {
        Stored? stored = null;
        await using (var connection = await database.OpenReaderAsync(ct))
        {
            await DbRows.ForEachAsync(connection, CaseSql, c => c.With("@id", transferId), r => stored = new Stored(TransferCodes.Direction(r.GetString(0)),
                r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetInt64(4), r.GetString(5), r.GetString(6), r.GetString(7),
                r.IsDBNull(8) ? null : r.GetInt64(8)), ct);
        }
        if (stored is null)
        {
            return null;
        }
        var facts = JsonNode.Parse(stored.FactsJson)!.AsObject();
        return stored.Direction == TransferCaseDirection.Out ? await OutAsync(transferId, stored, facts, ct) : await InAsync(transferId, stored, facts, ct);
    }

    /// <summary>Every transfer the hub decided, in the order stored; <paramref name="year"/> (0: all) filters by request date.</summary>
    public Task<List<string>> AllAsync(int year, CancellationToken ct) =>
        YearListing.ReadAsync(database, "SELECT transfer_id FROM transfer_cases", null, "requested_on", year, r => r.GetString(0), ct);

    private async Task<PersonDecisionReplay> OutAsync(string transferId, Stored stored, JsonObject facts, CancellationToken ct)
    {
        var knownAt = (long)facts["KnownAtUnixMs"]!;
        var (monthlyBenefitFen, monthsDue) = ((long)facts["MonthlyBenefitFen"]!, (int)facts["MonthsDue"]!);
        var monthsHere = (await personFacts.PersonAsync(stored.ResidentId, stored.RequestedOn, knownAt, ct)).LocalMonths;
        var json = TransferFactsJson.Out(stored.PersonKey, stored.RequestedOn, knownAt, monthsHere, monthlyBenefitFen, monthsDue);
        var requested = TransferCodes.Name(TransferCaseStatus.Requested);
        var decision = _decider.Decide(new TransferOutFacts(stored.RequestedOn, monthsHere.Count, monthlyBenefitFen, monthsDue));
        var replayed = new ReplayDifferences.Side(policy.Stamp(), json, CanonicalJson.Sha256(json), requested, decision.FundAmountFen ?? 0,
            ExplanationJson.Write(decision.Explanation));
        return PersonDecisionReplay.Of(ReplayProgramme.Transfer, policy.Id, 0, transferId, stored.PersonKey, stored.RequestedOn, knownAt, StoredSide(stored, requested, stored.Explanation),
            replayed, PersonDecisionReplay.Fen);
    }

    private async Task<PersonDecisionReplay> InAsync(string transferId, Stored stored, JsonObject facts, CancellationToken ct)
    {
        var reasonCode = (string?)facts["ReasonCode"];
        var decided = TransferCodes.Name(TransferTransitions.Decision(reasonCode));
        var knownAt = stored.DecidedAtUnixMs ?? clock.GetUtcNow().ToUnixTimeMilliseconds();
        var request = await feedRequests.RequestAsync(transferId, TransferCodes.FeedDirection(TransferCaseDirection.In), knownAt, ct);
        // No feed record any more: nothing to re-read (a facts difference names it).
        var json = request is null ? "{}" : TransferFactsJson.In(stored.PersonKey, request, reasonCode);
        var replayed = new ReplayDifferences.Side(policy.Stamp(), json, CanonicalJson.Sha256(json), decided, 0, NoExplanation);
        var requestedOn = DateOnly.ParseExact((string)facts["RequestedOn"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return PersonDecisionReplay.Of(ReplayProgramme.Transfer, policy.Id, 0, transferId, stored.PersonKey, requestedOn, stored.DecidedAtUnixMs, StoredSide(stored, decided, NoExplanation),
            replayed, PersonDecisionReplay.Fen);
    }

    /// <summary>The stored side: the case's facts (hashed here: a case stores no SHA-256) and, for a transfer-out, its fund amount and explanation.</summary>
    private static ReplayDifferences.Side StoredSide(Stored stored, string outcome, string explanation) =>
        new(stored.PolicyVersion, stored.FactsJson, CanonicalJson.Sha256(stored.FactsJson), outcome, stored.FundAmountFen, explanation);
}

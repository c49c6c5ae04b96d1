using ExchangeHub.Server.Common.Retries;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Retries;

/// <summary>
/// Safe to retry (issue 12, item 4; AIP-155) through the real hub: every mutating method called twice with one
/// request_id acts once — one set of events, the same reply bytes — and the id's other uses: another request,
/// a malformed id, another agency, an error, concurrent calls, a hub that died between its handler and its reply.
/// </summary>
[Trait("clause", "AIP-155")]
public abstract class RequestIdTests(RetryHubFixture fixture)
{
    private TestHub Hub => fixture.Hub;

    public static TheoryData<string> MutatingMethods() => [.. RetryCalls.Mutating.Keys];

    [Theory]
    [MemberData(nameof(MutatingMethods))]
    public async Task Method_CalledTwiceWithOneRequestId_OneEffectOneSetOfEventsSameReply(string method)
    {
        var n = 500 + RetryCalls.Mutating.Keys.ToList().IndexOf(method);
        var call = await RetryCalls.Mutating[method](Hub, n);
        var before = await EffectsAsync();
        var id = $"twice-{method}";

        var first = await call(id);
        var afterFirst = await EffectsAsync();
        var second = await call(id);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(1, second.Messages); // a stream's retry: its last message only
        Assert.Equal(afterFirst, await EffectsAsync());
        if (method != "RecalculateBenefits") // nothing to recalculate here: no effect either way
        {
            Assert.True(afterFirst != before, $"{method} did nothing");
        }
        Assert.Equal(1, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM request_ids WHERE request_id = '{id}' AND state = 'REPLIED'"));
    }

    [Fact]
    public void Contract_EveryMutatingFrontOfficeMethodTakesARequestId()
    {
        var services = new[]
        {
            RefundService.Descriptor, BenefitClaimService.Descriptor, TransferService.Descriptor, SkillSubsidyService.Descriptor,
            ReconciliationService.Descriptor,
        };
        var withId = services.SelectMany(s => s.Methods).Where(m => m.InputType.FindFieldByName(RequestId.Field) is not null)
            .Select(m => m.Name).Order(StringComparer.Ordinal);

        Assert.Equal(RetryCalls.Mutating.Keys.Order(StringComparer.Ordinal), withId);
    }

    [Fact]
    public async Task SubmitClaim_SameIdAnotherRequest_AlreadyExistsNamingRequestIdAndNothingSubmitted()
    {
        const int person = 601;
        await RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, "reused"));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, "reused", applied: "2024-06-04")).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        var info = ex.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal(("REQUEST_ID_REUSED", "exchangehub.v1", "request_id"), (info.Reason, info.Domain, info.Metadata["field"]));
        Assert.Equal(1, await ClaimsOfAsync(person));
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("slash/ed")]
    [InlineData("ünïcode")]
    [InlineData("129")]
    public async Task SubmitClaim_MalformedRequestId_InvalidArgumentNamingRequestIdAndNothingSubmitted(string id)
    {
        var person = 610 + Math.Abs(id.GetHashCode(StringComparison.Ordinal) % 50);
        var value = id == "129" ? new string('a', 129) : id;

        var ex = await Assert.ThrowsAsync<RpcException>(() => RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, value)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("request_id", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await ClaimsOfAsync(person));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(128)]
    public async Task SubmitClaim_RequestIdOfBoundaryLength_Accepted(int length)
    {
        var person = 670 + length % 7;
        var id = "A.b_c:d-" + new string('9', length - 8 > 0 ? length - 8 : 0);
        id = id[..length];

        await RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, id));

        Assert.Equal(1, await ClaimsOfAsync(person));
    }

    [Fact]
    public async Task SubmitClaim_WithoutRequestId_EachCallSubmitsAClaimAsBefore()
    {
        const int person = 680;
        await RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, ""));
        await RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, ""));

        Assert.Equal(2, await ClaimsOfAsync(person));
    }

    [Fact]
    public async Task SubmitClaim_SameIdFromAnotherAgency_Independent()
    {
        const int person = 681;
        var mine = await RetryCalls.UnaryAsync(RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, "shared-id")));

        var theirs = await RetryCalls.UnaryAsync(RetryCalls.Claims(Hub, RetryHubFixture.SecondOperatorToken)
            .SubmitClaimAsync(RetryCalls.Claim(person, "shared-id")));

        Assert.False(theirs.Replayed);
        Assert.NotEqual(mine.Bytes, theirs.Bytes); // another claim id
        Assert.Equal(2, await ClaimsOfAsync(person));
    }

    [Fact]
    public async Task AcceptTransfer_FailedThenFixed_TheErrorIsNotStoredAndTheSameIdRuns()
    {
        const int person = 682;
        var request = new AcceptTransferRequest { TransferId = $"rid-in-{person}", RequestId = "not-yet" };
        var refused = await Assert.ThrowsAsync<RpcException>(() => RetryCalls.Transfers(Hub).AcceptTransferAsync(request).ResponseAsync);
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        Assert.Equal(0, await Hub.Database.ScalarAsync("SELECT COUNT(*) FROM request_ids WHERE request_id = 'not-yet'"));

        await RetryCalls.IncomingAsync(Hub, person);
        var accepted = await RetryCalls.UnaryAsync(RetryCalls.Transfers(Hub).AcceptTransferAsync(request));

        Assert.False(accepted.Replayed);
        Assert.Equal(TransferStatus.Accepted, AcceptTransferResponse.Parser.ParseFrom(accepted.Bytes).Transfer.Status);
    }

    [Fact]
    public async Task SubmitClaim_ConcurrentCallsWithOneId_OneClaimEveryoneTheFirstReply()
    {
        const int person = 683;

        var replies = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => RetryCalls.UnaryAsync(RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, "at-once")))));

        Assert.Equal(1, await ClaimsOfAsync(person));
        Assert.Single(replies, r => !r.Replayed);
        Assert.All(replies, r => Assert.Equal(replies[0].Bytes, r.Bytes));
    }

    [Fact]
    public async Task DecideClaim_HubDiedBetweenHandlerAndReply_RunsAgainSafelyThenReplays()
    {
        const int person = 684;
        var claim = await RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, ""));
        var request = new DecideClaimRequest { ClaimId = claim.ClaimId, DecisionDate = "2024-06-30", RequestId = "died" };
        // The first call decided and committed; its hub stopped before storing the reply: the claim is left RUNNING.
        await RetryCalls.Claims(Hub).DecideClaimAsync(new DecideClaimRequest { ClaimId = claim.ClaimId, DecisionDate = "2024-06-30" });
        var sha = RequestId.Sha256WithoutId(request, DecideClaimRequest.Descriptor.FindFieldByName(RequestId.Field));
        await Hub.Database.ExecuteAsync("INSERT INTO request_ids (agency_id, method, request_id, request_sha256, state, created_at_unix_ms) "
            + $"VALUES ('dev-operator', '/exchangehub.v1.BenefitClaimService/DecideClaim', 'died', '{sha}', 'RUNNING', 0)");
        var before = await EventsAsync();

        var again = await RetryCalls.UnaryAsync(RetryCalls.Claims(Hub).DecideClaimAsync(request));
        var replayed = await RetryCalls.UnaryAsync(RetryCalls.Claims(Hub).DecideClaimAsync(request));

        Assert.False(again.Replayed);
        Assert.False(DecideClaimResponse.Parser.ParseFrom(again.Bytes).Changed); // the claim's own check: decided already
        Assert.Equal(before, await EventsAsync());
        Assert.True(replayed.Replayed);
        Assert.Equal(again.Bytes, replayed.Bytes);
    }

    [Fact]
    public async Task Sweep_RequestIdOlderThanKeepDays_DeletedAndTheIdIsNewAgain()
    {
        const int person = 685;
        await RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, "old"));
        await Hub.Database.ExecuteAsync("UPDATE request_ids SET created_at_unix_ms = created_at_unix_ms - 2592000001 WHERE request_id = 'old'"); // 30 days + 1 ms

        await Hub.Services.GetRequiredService<RequestIdStore>().SweepAsync(TimeSpan.FromDays(30), CancellationToken.None);
        var again = await RetryCalls.UnaryAsync(RetryCalls.Claims(Hub).SubmitClaimAsync(RetryCalls.Claim(person, "old")));

        Assert.False(again.Replayed);
        Assert.Equal(2, await ClaimsOfAsync(person));
    }

    /// <summary>What a call leaves behind: events in the outbox, and rows of the records no event announces (claims, runs).</summary>
    private async Task<(long Events, long Claims, long Runs)> EffectsAsync() => (await EventsAsync(),
        await Hub.Database.ScalarAsync("SELECT COUNT(*) FROM benefit_claims"), await Hub.Database.ScalarAsync("SELECT COUNT(*) FROM reconciliation_runs"));

    private Task<long> EventsAsync() => Hub.Database.ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE message_type <> 'urn:message:exchangehub.v1:AuditCheckpointSigned'");

    private Task<long> ClaimsOfAsync(int person) =>
        Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM benefit_claims WHERE resident_id = '{Ids.ResidentId(person)}'");
}

[Trait("storage", "sqlite")]
public sealed class SqliteRequestIdTests(SqliteRetryHubFixture fixture) : RequestIdTests(fixture), IClassFixture<SqliteRetryHubFixture>;

[Trait("storage", "postgres")]
public sealed class PostgresRequestIdTests(PostgresRetryHubFixture fixture) : RequestIdTests(fixture), IClassFixture<PostgresRetryHubFixture>;

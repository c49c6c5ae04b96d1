using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Replay;

/// <summary>
/// "FACTS", 3.(4): the replay of skill (1.(3)), benefit (1.(4)) and transfer (2.(4)) decisions through the real hub. A
/// decision is re-decided at its own decision date D and knowledge time T: replayed right away it is identical, and
/// so it stays after a correction recorded later (a contribution line cancelled to 0/0, so the person's insured
/// months differ). Persons are insured through unit 1; the clock stands at 2024-11-30 and, unless a test advances it,
/// does not move (every call of a test shares one T, the hardest case for telling calls apart).
/// </summary>
[Trait("clause", "FACTS")]
public abstract class PersonReplayTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Today = "2024-11-30";
    private const string AuditorToken = "dev-auditor-token";

    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub Hub { get; set; } = null!;

    private SkillSubsidyService.SkillSubsidyServiceClient Skills(string token = TestHub.OperatorToken) => new(Hub.Channel(token));
    private BenefitClaimService.BenefitClaimServiceClient Benefits(string token = TestHub.OperatorToken) => new(Hub.Channel(token));
    private TransferService.TransferServiceClient Transfers(string token = TestHub.OperatorToken) => new(Hub.Channel(token));

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
        ["Hub:Transfers:SendDeadlineNotices"] = "false",
        ["Hub:Security:Agencies:5:Id"] = "dev-auditor",
        ["Hub:Security:Agencies:5:Name"] = "Test auditor",
        ["Hub:Security:Agencies:5:Roles:0"] = Roles.Auditor,
        ["Hub:Security:Agencies:5:TokenSha256"] = "98cf681f2a5cde03b61e87f21f50956519de249c09b0b0c5af316ce8ddd861a7",
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>
    /// 2.(2) in one DecideSkillSubsidies call: the later certificates depend on the grants earlier in the same call (the
    /// facts at T do not show them). Lower level after higher: level 4 granted, then level 5 refused; the yearly cap:
    /// three granted, the fourth refused. Every decision replays identical.
    /// </summary>
    [Theory]
    [InlineData("no-lower", new[] { 4, 5 }, new[] { "GRANTED", "REFUSED" })]
    [InlineData("cap", new[] { 5, 5, 5, 5 }, new[] { "GRANTED", "GRANTED", "GRANTED", "REFUSED" })]
    [Trait("clause", "2.(2)")]
    public async Task ReplaySkillDecision_OneCallWhoseLaterCertificatesDependOnItsEarlierGrants_EveryDecisionIdentical(string name, int[] levels,
        string[] outcomes)
    {
        const int person = 1;
        await InsureAsync(person, 12);
        // The cap counts certificates of different occupations; "no lower" one occupation at two levels.
        await CertifyAsync([.. levels.Select((level, i) => Records.Certificate($"{name}-{i}", person, occupation: name == "cap" ? $"6-29-01-0{i + 1}" : "6-29-01-03",
            level: level, issued: $"2024-0{i + 2}-01"))]);
        await DecideSkillsAsync();

        for (var i = 0; i < levels.Length; i++)
        {
            var decision = await SkillDecisionAsync($"C-{name}-{i}");
            Assert.Equal(outcomes[i], EnumNames.Suffix(decision.Outcome));
            var replay = await ReplaySkillAsync(decision.DecisionId);
            AssertIdentical(replay, decision.DecisionId, Today);
            Assert.Equal((outcomes[i], decision.AmountFen, "fen"), (OutcomeNames.Of(replay.ReplayedOutcome), replay.ReplayedAmount, replay.AmountUnit));
            Assert.Equal(($"C-{name}-{i}", decision.PersonKey), (replay.Reference, replay.PersonKey));
        }
    }

    /// <summary>A grant of an earlier call (its own T) is a stored prior grant of a later call's certificate, not one of the later call.</summary>
    [Fact]
    [Trait("clause", "2.(2)")]
    public async Task ReplaySkillDecision_GrantOfAnEarlierCall_LaterCallRefusedLowerLevel_BothIdentical()
    {
        await InsureAsync(person: 2, 12);
        await CertifyAsync(Records.Certificate("high", person: 2, level: 4, issued: "2024-03-01"));
        await DecideSkillsAsync("2024-10-01");
        Clock.Advance(TimeSpan.FromHours(1));
        await CertifyAsync(Records.Certificate("low", person: 2, level: 5, issued: "2024-05-01"));
        await DecideSkillsAsync();

        var (high, low) = (await SkillDecisionAsync("C-high"), await SkillDecisionAsync("C-low"));

        Assert.Equal((SkillOutcome.Granted, SkillOutcome.Refused), (high.Outcome, low.Outcome));
        AssertIdentical(await ReplaySkillAsync(high.DecisionId), high.DecisionId, "2024-10-01");
        AssertIdentical(await ReplaySkillAsync(low.DecisionId), low.DecisionId, Today);
    }

    [Fact]
    public async Task ReplaySkillDecision_LineCancelledAfterTheDecision_IdenticalAtTheOldT()
    {
        await InsureAsync(person: 3, 12);
        await CertifyAsync(Records.Certificate("corr", person: 3, level: 4, issued: "2024-03-01"));
        await DecideSkillsAsync();
        var decision = await SkillDecisionAsync("C-corr");
        Clock.Advance(TimeSpan.FromDays(1));

        await CancelLineAsync(person: 3, "2023-05");

        Assert.Equal(SkillOutcome.Granted, decision.Outcome);
        AssertIdentical(await ReplaySkillAsync(decision.DecisionId), decision.DecisionId, Today);
    }

    [Fact]
    [Trait("clause", "1.(4)")]
    public async Task ReplayBenefitDecision_RightAway_AfterACancelledLine_AndTheRecalculationItCaused_EveryDecisionIdentical()
    {
        await InsureAsync(person: 4, 36, new DateOnly(2021, 1, 1));
        var claim = await SubmitClaimAsync(person: 4);
        var first = (await Benefits().DecideClaimAsync(new DecideClaimRequest { ClaimId = claim, DecisionDate = Today })).Claim.Decisions[0];
        var replay = await ReplayBenefitAsync(first.DecisionId);
        AssertIdentical(replay, first.DecisionId, Today);
        Assert.Equal(("GRANTED", first.MaxMonths, "months", claim), (OutcomeNames.Of(replay.ReplayedOutcome), (int)replay.ReplayedAmount, replay.AmountUnit, replay.Reference));

        Clock.Advance(TimeSpan.FromDays(1));
        await CancelLineAsync(person: 4, "2022-05");
        AssertIdentical(await ReplayBenefitAsync(first.DecisionId), first.DecisionId, Today);

        // The correction changes the facts: the granted claim is recalculated (2.(4)), and that decision replays too.
        await Benefits().RecalculateBenefitsAsync(new RecalculateBenefitsRequest());
        var record = (await Benefits().GetClaimAsync(new GetClaimRequest { ClaimId = claim })).Claims[0];
        var recalculated = record.Decisions[0];
        Assert.NotEqual(first.DecisionId, recalculated.DecisionId);
        Assert.Equal(BenefitDecisionReason.Recalculated, recalculated.Reason);
        AssertIdentical(await ReplayBenefitAsync(recalculated.DecisionId), recalculated.DecisionId, "2024-12-01");
        AssertIdentical(await ReplayBenefitAsync(first.DecisionId), first.DecisionId, Today);
    }

    [Fact]
    [Trait("clause", "2.(4)")]
    public async Task ReplayTransferDecision_TransferOut_IdenticalRightAwayAndAfterLinesCancelledBelowTwelveMonths()
    {
        await InsureAsync(person: 5, 12, new DateOnly(2023, 1, 1));
        var transfer = (await Transfers().RequestTransferOutAsync(new RequestTransferOutRequest
        {
            ResidentId = Ids.ResidentId(5), CounterpartProvinceCode = "32", ConsolidationPlace = ConsolidationPlace.LastInsured,
            MonthlyBenefitFen = 200_000, MonthsDue = 6,
        })).Transfer;
        Assert.Equal(1_800_000L, transfer.FundAmountFen);
        var replay = await ReplayTransferAsync(transfer.TransferId);
        AssertIdentical(replay, 0, Today);
        Assert.Equal(("REQUESTED", 1_800_000L, transfer.TransferId), (OutcomeNames.Of(replay.ReplayedOutcome), replay.ReplayedAmount, replay.Reference));

        Clock.Advance(TimeSpan.FromDays(1));
        await CancelLineAsync(person: 5, "2023-05");

        // With 11 months paid here no money would move now; as the hub knew it at T, 12 months and the fund stand.
        AssertIdentical(await ReplayTransferAsync(transfer.TransferId), 0, Today);
    }

    [Fact]
    [Trait("clause", "2.(4)")]
    public async Task ReplayTransferDecision_IncomingAcceptedAndRefused_Identical_AlsoAfterTheFeedRecordIsCorrected()
    {
        await PushTransferRequestAsync(Records.Transfer("in-a", person: 6));
        await PushTransferRequestAsync(Records.Transfer("in-r", person: 7));
        await Transfers().AcceptTransferAsync(new AcceptTransferRequest { TransferId = "in-a" });
        await Transfers().RefuseTransferAsync(new RefuseTransferRequest { TransferId = "in-r", ReasonCode = TransferReasonCode.TransferPeriodsIncomplete });

        var (accepted, refused) = (await ReplayTransferAsync("in-a"), await ReplayTransferAsync("in-r"));

        AssertIdentical(accepted, 0, "2024-03-01");
        AssertIdentical(refused, 0, "2024-03-01");
        Assert.Equal(("ACCEPTED", "REFUSED"), (OutcomeNames.Of(accepted.StoredOutcome), OutcomeNames.Of(refused.ReplayedOutcome)));
        // The record corrected after the decision: the replay reads it as known when the case was decided (FACTS, knowledge time).
        Clock.Advance(TimeSpan.FromHours(1));
        var corrected = Records.Transfer("in-a", person: 6, revision: 2);
        corrected.CounterpartProvinceCode = "33";
        await PushTransferRequestAsync(corrected);
        var after = await ReplayTransferAsync("in-a");
        AssertIdentical(after, 0, "2024-03-01");
        Assert.Equal(accepted.KnowledgeTime, after.KnowledgeTime);
    }

    [Fact]
    public async Task ReplayDecisions_Streams_EveryCurrentDecisionIdenticalWithTheTotal()
    {
        await InsureAsync(person: 8, 12);
        await CertifyAsync(Records.Certificate("s-1", person: 8, level: 4, issued: "2024-03-01"), Records.Certificate("s-2", person: 8, level: 5, issued: "2024-04-01"));
        await DecideSkillsAsync();
        await PushTransferRequestAsync(Records.Transfer("in-s", person: 8));
        await Transfers().AcceptTransferAsync(new AcceptTransferRequest { TransferId = "in-s" });

        using var skills = Skills(AuditorToken).ReplaySkillDecisions(new ReplaySkillDecisionsRequest { Year = 2024 }, deadline: DateTime.UtcNow.AddMinutes(1));
        var skillReplays = await skills.ResponseStream.ReadAllAsync().ToListAsync();
        using var transfers = Transfers().ReplayTransferDecisions(new ReplayTransferDecisionsRequest(), deadline: DateTime.UtcNow.AddMinutes(1));
        var transferReplays = await transfers.ResponseStream.ReadAllAsync().ToListAsync();
        using var none = Skills().ReplaySkillDecisions(new ReplaySkillDecisionsRequest { Year = 2023 }, deadline: DateTime.UtcNow.AddMinutes(1));

        Assert.Equal([(true, 2), (true, 2)], skillReplays.Select(r => (r.Replay.Identical, r.Total)));
        Assert.Equal(("in-s", true, 1), (Assert.Single(transferReplays).Replay.Reference, transferReplays[0].Replay.Identical, transferReplays[0].Total));
        Assert.Empty(await none.ResponseStream.ReadAllAsync().ToListAsync());
    }

    public static TheoryData<string> Programmes() => ["skills", "benefits", "transfers"];

    [Theory]
    [MemberData(nameof(Programmes))]
    public async Task Replay_UnknownKey_NotFound(string programme)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => ReplayAsync(programme, long.MaxValue, "tr-none"));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Theory]
    [InlineData("skills", 0L, "decision_id")]
    [InlineData("benefits", -1L, "decision_id")]
    [InlineData("transfers", 0L, "transfer_id")]
    public async Task Replay_BadKey_InvalidArgumentNamingTheField(string programme, long id, string field)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => ReplayAsync(programme, id, "not a transfer id!"));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Theory]
    [MemberData(nameof(Programmes))]
    public async Task Replay_Auditor_MayReplay_FeedAgency_PermissionDenied(string programme)
    {
        await InsureAsync(person: 9, 12);
        await CertifyAsync(Records.Certificate("perm", person: 9, level: 4, issued: "2024-03-01"));
        await DecideSkillsAsync();
        var claim = await SubmitClaimAsync(person: 9);
        var benefit = (await Benefits().DecideClaimAsync(new DecideClaimRequest { ClaimId = claim, DecisionDate = Today })).Claim.Decisions[0];
        await PushTransferRequestAsync(Records.Transfer("perm-in", person: 9));
        await Transfers().AcceptTransferAsync(new AcceptTransferRequest { TransferId = "perm-in" });
        var id = programme == "skills" ? (await SkillDecisionAsync("C-perm")).DecisionId : benefit.DecisionId;

        Assert.True((await ReplayAsync(programme, id, "perm-in", AuditorToken)).Identical);
        var ex = await Assert.ThrowsAsync<RpcException>(() => ReplayAsync(programme, id, "perm-in", TestHub.TaxToken));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    private static void AssertIdentical(DecisionReplay replay, long decisionId, string decisionDate, bool knowledgeTime = true)
    {
        Assert.True(replay.Identical, replay.Difference);
        Assert.Equal(("", decisionId, decisionDate), (replay.Difference, replay.DecisionId, replay.DecisionDate));
        Assert.Equal(replay.StoredFactsSha256, replay.ReplayedFactsSha256);
        Assert.Equal(64, replay.StoredFactsSha256.Length);
        Assert.Equal((replay.StoredPolicyVersion, replay.StoredPolicySha256), (replay.ReplayedPolicyVersion, replay.ReplayedPolicySha256));
        Assert.Equal((OutcomeNames.Of(replay.StoredOutcome), replay.StoredAmount), (OutcomeNames.Of(replay.ReplayedOutcome), replay.ReplayedAmount));
        Assert.Equal(knowledgeTime, replay.KnowledgeTime is not null);
    }

    private async Task<DecisionReplay> ReplayAsync(string programme, long id, string transferId, string token = TestHub.OperatorToken) => programme switch
    {
        "skills" => await ReplaySkillAsync(id, token),
        "benefits" => await ReplayBenefitAsync(id, token),
        _ => await ReplayTransferAsync(transferId, token),
    };

    private async Task<DecisionReplay> ReplaySkillAsync(long id, string token = TestHub.OperatorToken) =>
        (await Skills(token).ReplaySkillDecisionAsync(new ReplaySkillDecisionRequest { DecisionId = id })).Replay;

    private async Task<DecisionReplay> ReplayBenefitAsync(long id, string token = TestHub.OperatorToken) =>
        (await Benefits(token).ReplayBenefitDecisionAsync(new ReplayBenefitDecisionRequest { DecisionId = id })).Replay;

    private async Task<DecisionReplay> ReplayTransferAsync(string id, string token = TestHub.OperatorToken) =>
        (await Transfers(token).ReplayTransferDecisionAsync(new ReplayTransferDecisionRequest { TransferId = id })).Replay;

    /// <summary><paramref name="months"/> REGULAR lines of unit 1 for the person, monthly from <paramref name="first"/> (default 2023-01).</summary>
    private async Task InsureAsync(int person, int months, DateOnly? first = null)
    {
        var start = first ?? new DateOnly(2023, 1, 1);
        var lines = Enumerable.Range(0, months)
            .Select(i => Records.Line(LineId(person, $"{start.AddMonths(i):yyyy-MM}"), unit: 1, person: person, period: $"{start.AddMonths(i):yyyy-MM}"))
            .ToList();
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), lines)).Rejected);
    }

    /// <summary>FACTS: a line corrected to 0/0 is cancelled, so the person is no longer insured in <paramref name="period"/>.</summary>
    private async Task CancelLineAsync(int person, string period)
    {
        var line = Records.Line(LineId(person, period), unit: 1, person: person, period: period, revision: 2, employer: 0, employee: 0);
        Assert.Equal(1, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [line])).Corrected);
    }

    private static string LineId(int person, string period) => $"rline-{person}-{period}";

    private async Task CertifyAsync(params SkillCertificateRecord[] certificates) =>
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(Hub.Channel(TestHub.SkillToken), certificates)).Rejected);

    private async Task PushTransferRequestAsync(TransferRequestRecord request) =>
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(Hub.Channel(TestHub.TransferToken), [request])).Rejected);

    private async Task DecideSkillsAsync(string date = Today) =>
        await Skills().DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = date }, deadline: DateTime.UtcNow.AddMinutes(2));

    private async Task<SkillSubsidyDecisionRecord> SkillDecisionAsync(string certificate) =>
        (await Skills().GetSkillSubsidyDecisionsAsync(new GetSkillSubsidyDecisionsRequest { CertificateNumber = certificate })).Decisions[0];

    private async Task<string> SubmitClaimAsync(int person) => (await Benefits().SubmitClaimAsync(new SubmitClaimRequest
    {
        ResidentId = Ids.ResidentId(person), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
        Registration = Registration.Registered, Channels = { NotificationChannel.App },
    })).ClaimId;
}

[Trait("storage", "sqlite")]
public sealed class SqlitePersonReplayTests() : PersonReplayTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresPersonReplayTests() : PersonReplayTests(StorageProvider.Postgres);

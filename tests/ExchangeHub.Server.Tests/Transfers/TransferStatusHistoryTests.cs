using ExchangeHub.Policy;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Transfers;

/// <summary>
/// FACTS: a person's facts as of D with the knowledge at T, through the real hub (clock at 2024-11-30, moved on a
/// second between steps so "recorded after T" is real): a transfer in counts from its COMPLETED status date, read
/// from the cases' status history (<c>transfer_case_statuses</c>), so a later status or a later correction of the
/// national system's request does not change what was known at T; a line, a certificate or a payment corrected after
/// T is read at T in the version it had then.
/// </summary>
[Trait("clause", "FACTS")]
[Trait("clause", "1.(4)")]
public abstract class TransferStatusHistoryTests(ClockedHubFixture fixture)
{
    private static readonly DateOnly D = new(2024, 11, 20);

    private TestHub Hub => fixture.Hub;

    private PersonFactsReader Reader => Hub.Services.GetRequiredService<PersonFactsReader>();

    private long Now => fixture.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// 11 months here plus 6 transferred, COMPLETED the day before, on or after a decision dated 2024-11-20: counted
    /// (17, GRANTED), counted, not counted (11, REFUSED).
    /// </summary>
    [Theory]
    [InlineData("h-before", 1, "2024-11-19", "GRANTED", 17)]
    [InlineData("h-on", 2, "2024-11-20", "GRANTED", 17)]
    [InlineData("h-after", 3, "2024-11-21", "REFUSED", 11)]
    public async Task DecideClaim_TransferInCompletedAroundTheDecisionDate_CountedOnlyWhenCompletedByThen(string id, int person, string completedOn,
        string outcome, int months)
    {
        await InsureAsync(person, 11);
        await AcceptedAsync(Records.TransferIn(id, person, "2017-01", "2017-06"));
        await UpdateAsync(id, TransferStatus.Completed, completedOn);

        var decision = await DecideAsync(person, D);

        Assert.Equal((outcome, months), (EnumNames.Suffix(decision.Outcome), decision.ConsolidatedInsuredMonths));
    }

    /// <summary>
    /// Decided at T with the transfer SENT; the national system then reports it COMPLETED on 2024-11-15 (before D, told
    /// later): read again at the decision's (D, T) the person has the same 11 months; at (D, now) the transfer counts.
    /// </summary>
    [Fact]
    public async Task PersonFacts_StatusRecordedAfterT_NotSeenAtTSeenAfter()
    {
        var (decision, t) = await DecidedWithTransferInAsync(person: 4, "h-late", TransferStatus.Sent, "2024-11-10");

        await UpdateAsync("h-late", TransferStatus.Completed, "2024-11-15");

        var atT = await Reader.PersonAsync(Ids.ResidentId(4), D, t, CancellationToken.None);
        var now = await Reader.PersonAsync(Ids.ResidentId(4), D, Now, CancellationToken.None);
        Assert.Equal((11, 11, 0), (decision.ConsolidatedInsuredMonths, atT.LocalMonths.Count, atT.TransfersIn.Count));
        Assert.Equal(("h-late", new DateOnly(2024, 11, 15), 6), (Assert.Single(now.TransfersIn).TransferId, now.TransfersIn[0].CompletedOn,
            now.TransfersIn[0].Months.Count));
    }

    /// <summary>
    /// Decided at T on a completed transfer of 6 months; the national system then corrects its request to 12 months:
    /// at the decision's (D, T) the transfer still brings the 6 months it was decided on (the version known at T, from
    /// record_versions), at (D, now) the corrected 12.
    /// </summary>
    [Fact]
    public async Task PersonFacts_RequestCorrectedAfterT_TheVersionKnownAtT()
    {
        var (decision, t) = await DecidedWithTransferInAsync(person: 5, "h-corrected", TransferStatus.Completed, "2024-11-15");

        var corrected = Records.TransferIn("h-corrected", person: 5, "2016-01", "2016-12");
        corrected.Revision = 2;
        await PushAsync(corrected);

        var atT = await Reader.PersonAsync(Ids.ResidentId(5), D, t, CancellationToken.None);
        var now = await Reader.PersonAsync(Ids.ResidentId(5), D, Now, CancellationToken.None);
        Assert.Equal((17, 6, new YearMonth(2017, 1)), (decision.ConsolidatedInsuredMonths, Assert.Single(atT.TransfersIn).Months.Count,
            atT.TransfersIn[0].Months.Min()));
        Assert.Equal((12, new YearMonth(2016, 1)), (Assert.Single(now.TransfersIn).Months.Count, now.TransfersIn[0].Months.Min()));
    }

    /// <summary>A month insured at T, its line corrected to 0/0 after T: counted at T, cancelled (not counted) now.</summary>
    [Fact]
    public async Task PersonFacts_LineCancelledAfterT_MonthKeptAtT()
    {
        await InsureAsync(person: 6, months: 3);
        var t = Now;
        Tick();
        var cancelled = Records.Line("hline-6-202201", unit: 1, person: 6, period: "2022-01", revision: 2, employer: 0, employee: 0);
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [cancelled])).Rejected);

        var atT = await Reader.PersonAsync(Ids.ResidentId(6), D, t, CancellationToken.None);
        var now = await Reader.PersonAsync(Ids.ResidentId(6), D, Now, CancellationToken.None);

        Assert.Equal((3, true), (atT.LocalMonths.Count, atT.LocalMonths.Contains(new YearMonth(2022, 1))));
        Assert.Equal((2, false), (now.LocalMonths.Count, now.LocalMonths.Contains(new YearMonth(2022, 1))));
    }

    /// <summary>
    /// Accepted on 2024-11-30 (the operator's day), then SENT on 2024-11-20 and COMPLETED on 2024-11-22 in the national
    /// system: every status stays in the history in the order recorded, the earlier-dated SENT included; the state on D
    /// is the last status recorded with a date on or before D (statuses only move forward), so the transfer is
    /// completed from 2024-11-22 although the acceptance is dated later.
    /// </summary>
    [Theory]
    [InlineData("2024-11-21", 0)]
    [InlineData("2024-11-22", 1)]
    [InlineData("2024-11-23", 1)]
    [InlineData("2024-11-30", 1)]
    public async Task StatusHistory_StatusDatedBeforeALaterOne_KeptAndTheStateOnDFollowsTheRecordedOrder(string asOf, int completed)
    {
        var id = $"h-order-{asOf}";
        var person = 10 + int.Parse(asOf[^2..], System.Globalization.CultureInfo.InvariantCulture) % 10;
        await AcceptedAsync(Records.TransferIn(id, person, "2017-01", "2017-06"));
        await UpdateAsync(id, TransferStatus.Sent, "2024-11-20");
        await UpdateAsync(id, TransferStatus.Completed, "2024-11-22");

        var facts = await Reader.PersonAsync(Ids.ResidentId(person), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), Now,
            CancellationToken.None);

        Assert.Equal(completed, facts.TransfersIn.Count);
        Assert.Equal(3, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM transfer_case_statuses WHERE transfer_id = '{id}'"));
        Assert.Equal(1, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM transfer_case_statuses a JOIN transfer_case_statuses s ON s.id > a.id "
            + $"JOIN transfer_case_statuses c ON c.id > s.id WHERE a.transfer_id = '{id}' AND s.transfer_id = a.transfer_id AND c.transfer_id = a.transfer_id "
            + "AND a.status = 'ACCEPTED' AND a.status_date = '2024-11-30' AND s.status = 'SENT' AND s.status_date = '2024-11-20' "
            + "AND c.status = 'COMPLETED' AND c.status_date = '2024-11-22'"));
    }

    /// <summary>The national system's request as known at T: none before it was stored, the first version until corrected, then the correction.</summary>
    [Fact]
    public async Task TransferRequestsReader_CorrectedRequest_EachVersionAtItsT()
    {
        var before = Now;
        Tick();
        await PushAsync(Records.TransferIn("h-request", person: 7, "2017-01", "2017-06"));
        var first = Now;
        Tick();
        var corrected = Records.TransferIn("h-request", person: 7, "2017-01", "2017-06");
        corrected.Revision = 2;
        corrected.CounterpartProvinceCode = "33";
        corrected.RequestedDate = "2024-03-04";
        await PushAsync(corrected);
        var reader = Hub.Services.GetRequiredService<TransferRequestsReader>();

        async Task<(string, DateOnly)?> AtAsync(long t) => await reader.RequestAsync("h-request", StoredTransferDirection.In, t, CancellationToken.None)
            is { } r ? (r.CounterpartProvinceCode, r.RequestedOn) : null;

        Assert.Null(await AtAsync(before));
        Assert.Equal(("32", new DateOnly(2024, 3, 1)), await AtAsync(first));
        Assert.Equal(("33", new DateOnly(2024, 3, 4)), await AtAsync(Now));
        Assert.Null(await reader.RequestAsync("h-request", StoredTransferDirection.Out, Now, CancellationToken.None));
    }

    /// <summary>
    /// A certificate and its training subsidy payment, both corrected after T (level 5 → 4, 80,000 → 60,000 fen): read
    /// at T they are the versions known then (record_versions), read now the corrections; a certificate first stored
    /// after T is not there at T.
    /// </summary>
    [Fact]
    public async Task CertificateFacts_CorrectedAfterT_TheVersionsKnownAtT()
    {
        var skills = Hub.Channel(TestHub.SkillToken);
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(skills, [Records.Certificate("h-cert", person: 8, number: "H-CERT-8")])).Rejected);
        Assert.Equal(0, (await Infrastructure.Feeds.PushTrainingPaymentsAsync(skills, [Records.TrainingPayment("h-pay", "H-CERT-8")])).Rejected);
        Tick();
        var t = Now;
        Tick();
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(skills,
            [Records.Certificate("h-cert", person: 8, level: 4, number: "H-CERT-8", revision: 2), Records.Certificate("h-cert-new", person: 9, number: "H-CERT-9")])).Rejected);
        Assert.Equal(0, (await Infrastructure.Feeds.PushTrainingPaymentsAsync(skills,
            [Records.TrainingPayment("h-pay", "H-CERT-8", amount: 60_000, revision: 2)])).Rejected);

        var atT = await Reader.CertificatesAsync(ClockedHubFixture.Today, t, CancellationToken.None);
        var now = await Reader.CertificatesAsync(ClockedHubFixture.Today, Now, CancellationToken.None);

        Assert.Equal((5, 80_000L, false), (atT.Certificates.Single(c => c.Number == "H-CERT-8").Level, atT.TrainingPayments["H-CERT-8"].AmountFen,
            atT.Certificates.Any(c => c.Number == "H-CERT-9")));
        Assert.Equal((4, 60_000L, true), (now.Certificates.Single(c => c.Number == "H-CERT-8").Level, now.TrainingPayments["H-CERT-8"].AmountFen,
            now.Certificates.Any(c => c.Number == "H-CERT-9")));
    }

    /// <summary><paramref name="months"/> REGULAR lines of unit 1 for the person, monthly from 2022-01 (received 2023-06-15).</summary>
    private async Task InsureAsync(int person, int months)
    {
        var lines = Enumerable.Range(0, months)
            .Select(i => Records.Line($"hline-{person}-{new DateOnly(2022, 1, 1).AddMonths(i):yyyyMM}", unit: 1, person: person,
                period: $"{new DateOnly(2022, 1, 1).AddMonths(i):yyyy-MM}"))
            .ToList();
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), lines)).Rejected);
        Tick();
    }

    private async Task PushAsync(TransferRequestRecord request)
    {
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(Hub.Channel(TestHub.TransferToken), [request])).Rejected);
        Tick();
    }

    private async Task AcceptedAsync(TransferRequestRecord request)
    {
        await PushAsync(request);
        await new TransferService.TransferServiceClient(Hub.Channel(TestHub.OperatorToken))
            .AcceptTransferAsync(new AcceptTransferRequest { TransferId = request.SourceRecordId });
        Tick();
    }

    private async Task UpdateAsync(string id, TransferStatus status, string statusDate)
    {
        using var call = new TransferService.TransferServiceClient(Hub.Channel(TestHub.TransferToken)).UpdateTransferStatus(deadline: Infrastructure.Feeds.Deadline());
        await call.RequestStream.WriteAsync(new UpdateTransferStatusRequest { TransferId = id, Status = status, StatusDate = statusDate });
        await call.RequestStream.CompleteAsync();
        Assert.Equal(1, (await call.ResponseAsync).Updated);
        Tick();
    }

    /// <summary>The person's claim, applied for on 2024-11-04, decided as of <paramref name="decisionDate"/>.</summary>
    private async Task<BenefitDecisionRecord> DecideAsync(int person, DateOnly decisionDate)
    {
        var claims = new BenefitClaimService.BenefitClaimServiceClient(Hub.Channel(TestHub.OperatorToken));
        var submitted = await claims.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(person), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.App },
        });
        var decided = await claims.DecideClaimAsync(new DecideClaimRequest
        {
            ClaimId = submitted.ClaimId, DecisionDate = decisionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Tick();
        return decided.Claim.Decisions[0];
    }

    /// <summary>
    /// 11 months here and a transfer in of 2017-01..2017-06 at <paramref name="status"/> from <paramref name="statusDate"/>;
    /// the person's claim decided as of D, with the knowledge time T the decision stored.
    /// </summary>
    private async Task<(BenefitDecisionRecord Decision, long T)> DecidedWithTransferInAsync(int person, string id, TransferStatus status, string statusDate)
    {
        await InsureAsync(person, months: 11);
        await AcceptedAsync(Records.TransferIn(id, person, "2017-01", "2017-06"));
        await UpdateAsync(id, status, statusDate);
        var decision = await DecideAsync(person, D);
        return (decision, await Hub.Database.ScalarAsync($"SELECT knowledge_time_unix_ms FROM benefit_decisions WHERE id = {decision.DecisionId}"));
    }

    private void Tick() => fixture.Clock.Advance(TimeSpan.FromSeconds(1));
}

[Trait("storage", "sqlite")]
public sealed class SqliteTransferStatusHistoryTests(SqliteClockedHubFixture fixture) : TransferStatusHistoryTests(fixture),
    IClassFixture<SqliteClockedHubFixture>;

[Trait("storage", "postgres")]
public sealed class PostgresTransferStatusHistoryTests(PostgresClockedHubFixture fixture) : TransferStatusHistoryTests(fixture),
    IClassFixture<PostgresClockedHubFixture>;

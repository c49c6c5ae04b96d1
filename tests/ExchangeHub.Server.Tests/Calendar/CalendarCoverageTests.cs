using ExchangeHub.Server.Benefits;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Transfers;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Calendar;

/// <summary>
/// 2.(3) calendar coverage through the real hub with the repository's policy file: claims and transfers count working
/// days on the national calendar plus Xinjiang's local days, and the file covers Xinjiang for 2025 only. A deadline of
/// 2024 is therefore undetermined: stored as null with the reason, said in the reply, skipped by the overdue and
/// deadline checks (no event), never guessed on national days alone. Clock at 2024-11-30.
/// </summary>
[Trait("clause", "2.(3)")]
public abstract class CalendarCoverageTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Xinjiang2024 = "due date undetermined: calendar xinjiang year 2024 not covered";

    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub Hub { get; set; } = null!;

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
        ["Hub:Transfers:SendDeadlineNotices"] = "false",
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    [Fact]
    public async Task SubmitClaim_DeadlineThroughUncoveredXinjiangYear_DueUnknownWithReasonNeverOverdue()
    {
        var claims = new BenefitClaimService.BenefitClaimServiceClient(Hub.Channel(TestHub.OperatorToken));

        // On national days alone it would be due 2024-10-16 and overdue today.
        var submitted = await claims.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(1), AppliedDate = "2024-09-27", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.Sms },
        });
        var sent = await Hub.Services.GetRequiredService<BenefitClaimWorkflow>().SendOverdueNoticesAsync(CancellationToken.None);

        Assert.Equal(("", Xinjiang2024), (submitted.DueDate, submitted.DueDateUndetermined));
        var record = Assert.Single((await claims.GetClaimAsync(new GetClaimRequest { ClaimId = submitted.ClaimId })).Claims);
        Assert.Equal(("", Xinjiang2024, false), (record.DueDate, record.DueDateUndetermined, record.Overdue));
        Assert.Equal(0, sent);
        Assert.DoesNotContain(await HubQueries.EventsAsync(Hub), e => e.Type == "BenefitClaimOverdue");
        Assert.Equal(1, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM benefit_claims WHERE claim_id = '{submitted.ClaimId}' "
            + $"AND due_on IS NULL AND due_undetermined = '{Xinjiang2024}'"));
    }

    [Fact]
    [Trait("clause", "2.(4)")]
    public async Task RequestTransferOut_DeadlineThroughUncoveredXinjiangYear_DueUnknownExplainedNoNotice()
    {
        var transfers = new TransferService.TransferServiceClient(Hub.Channel(TestHub.OperatorToken));
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(Hub.Channel(TestHub.TransferToken), [IncomingRequest("cov-in", person: 3)])).Rejected);

        // No month paid here: no money moves (TRANSFER_FUND_BELOW_MINIMUM_MONTHS); national days alone would give 2024-10-10.
        var transfer = (await transfers.RequestTransferOutAsync(new RequestTransferOutRequest
        {
            ResidentId = Ids.ResidentId(2), CounterpartProvinceCode = "32", ConsolidationPlace = ConsolidationPlace.LastInsured,
            MonthlyBenefitFen = 200_000, MonthsDue = 6, RequestedDate = "2024-09-27",
        })).Transfer;
        var sent = await Hub.Services.GetRequiredService<TransferWorkflow>().SendDeadlineNoticesAsync(CancellationToken.None);

        Assert.Equal(("", Xinjiang2024, 0L), (transfer.DueDate, transfer.DueDateUndetermined, transfer.FundAmountFen));
        var read = (await transfers.GetTransferAsync(new GetTransferRequest { TransferId = transfer.TransferId })).Transfer;
        Assert.Equal(("", Xinjiang2024, false), (read.DueDate, read.DueDateUndetermined, read.DeadlineMissed));
        Assert.Equal(0, sent);
        Assert.DoesNotContain(await HubQueries.EventsAsync(Hub), e => e.Type == "TransferDeadlineMissed");
        Assert.Equal(1, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM transfer_cases WHERE transfer_id = '{transfer.TransferId}' "
            + $"AND due_on IS NULL AND due_undetermined = '{Xinjiang2024}' AND explanation LIKE '%TRANSFER_FUND_BELOW_MINIMUM_MONTHS%' "
            + "AND explanation LIKE '%TRANSFER_CALENDAR_MISSING%' AND explanation LIKE '%2.(4)%' AND policy_version LIKE '%+sha256:%'"));
    }

    private static TransferRequestRecord IncomingRequest(string id, int person)
    {
        var request = Records.Transfer(id, person);
        request.RequestedDate = "2024-09-27";
        return request;
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteCalendarCoverageTests() : CalendarCoverageTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresCalendarCoverageTests() : CalendarCoverageTests(StorageProvider.Postgres);

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Refunds;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Refunds;

/// <summary>
/// 2.(1) "Decision (dated actions)" through the real hub: confirm, waive and apply carry their business date, which
/// must not be in the future, before the record it acts on, or outside the 2024 programme window (2024-01-01..12-31).
/// The seeded run is dated 2024-06-30, so every offer is dated 2024-06-30.
/// </summary>
[Trait("clause", "2.(1)")]
public abstract class RefundDatedActionTests(StorageProvider provider) : SeededRefundHub(provider)
{
    [Fact]
    public async Task Apply_LabourDispatchDatedIn2024KeyedInOn20261201_DecidedAsOfTheApplicationAndOffered()
    {
        await RunAsync();
        Today("2026-12-01");

        var applied = await ApplyAsync(Dispatch, "2024-09-02");

        Assert.Equal((V1.RefundState.Offered, V1.RefundOutcome.Eligible, 432_000L), (applied.State, applied.Decision.Outcome, applied.Decision.AmountFen));
        var replay = (await Refunds.ReplayRefundDecisionAsync(new ReplayRefundDecisionRequest { DecisionId = applied.Decision.DecisionId })).Replay;
        Assert.Equal(("2024-09-02", true), (replay.DecisionDate, replay.Identical));
        var offer = (await HubQueries.EventsAsync(Hub)).Single(e => e.Type == "RefundOffered" && e.Subject == Ids.Uscc(Dispatch)).Payload;
        Assert.Equal("2024-09-02", offer.GetProperty("offeredOn").GetString());
    }

    [Fact]
    public async Task Waive_ThenApplyInsideTheYear_EligibleAgainAndDatedOnTheApplication()
    {
        await RunAsync();
        Today("2024-08-01");

        var waived = await WaiveAsync(Eligible, "2024-07-10");
        Assert.Equal((V1.RefundState.Waived, "2024-12-31"), (waived.State, waived.MayApplyUntil));
        var tooEarly = await Assert.ThrowsAsync<RpcException>(() => ApplyAsync(Eligible, "2024-07-09"));
        Assert.Equal(("application_date", StatusCode.InvalidArgument), (FieldOf(tooEarly), tooEarly.StatusCode));

        var applied = await ApplyAsync(Eligible, "2024-07-20");

        Assert.Equal((V1.RefundState.Offered, V1.RefundOutcome.Eligible), (applied.State, applied.Decision.Outcome));
        var events = (await HubQueries.EventsAsync(Hub)).Where(e => e.Subject == Ids.Uscc(Eligible)).ToList();
        Assert.Equal(["RefundOffered", "RefundWaived", "RefundOffered"], events.Select(e => e.Type));
        Assert.Equal(("2024-07-10", "2024-12-31"), (events[1].Payload.GetProperty("waivedOn").GetString(), events[1].Payload.GetProperty("mayApplyUntil").GetString()));
        Assert.Equal("2024-07-20", events[2].Payload.GetProperty("offeredOn").GetString());
    }

    [Fact]
    public async Task Apply_Dated20250102AfterAWaiver_ProgrammeEnded()
    {
        await RunAsync();
        await WaiveAsync(Eligible);
        Today("2025-01-05");

        var ex = await Assert.ThrowsAsync<RpcException>(() => ApplyAsync(Eligible, "2025-01-02"));

        Assert.Equal((StatusCode.FailedPrecondition, "REFUND_PROGRAMME_ENDED"), (ex.StatusCode, ReasonOf(ex)));
        Assert.Equal(V1.RefundState.Waived, (await DecisionAsync(Eligible)).State);
    }

    [Fact]
    public async Task Apply_DatedBeforeTheProgrammeOpened_ProgrammeNotStarted()
    {
        await RunAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => ApplyAsync(Dispatch, "2023-12-31"));

        Assert.Equal((StatusCode.FailedPrecondition, "REFUND_PROGRAMME_NOT_STARTED"), (ex.StatusCode, ReasonOf(ex)));
    }

    /// <summary>The day before, on and after the window's last day, keyed in on 2025-01-05 (after the end).</summary>
    [Theory]
    [InlineData("confirm", "2024-12-30", true)]
    [InlineData("confirm", "2024-12-31", true)]
    [InlineData("confirm", "2025-01-01", false)]
    [InlineData("waive", "2024-12-30", true)]
    [InlineData("waive", "2024-12-31", true)]
    [InlineData("waive", "2025-01-01", false)]
    [InlineData("apply", "2024-12-30", true)]
    [InlineData("apply", "2024-12-31", true)]
    [InlineData("apply", "2025-01-01", false)]
    public async Task DatedAction_AroundTheWindowEnd_AcceptedThroughTheLastDayOnly(string action, string date, bool accepted)
    {
        await RunAsync();
        Today("2025-01-05");

        if (accepted)
        {
            Assert.Equal(action switch { "confirm" => "DISBURSEMENT_APPROVED", "waive" => "WAIVED", _ => "OFFERED" }, await ActAsync(action, date));
        }
        else
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => ActAsync(action, date));
            Assert.Equal((StatusCode.FailedPrecondition, "REFUND_PROGRAMME_ENDED"), (ex.StatusCode, ReasonOf(ex)));
        }
    }

    /// <summary>Before the offer of 2024-06-30 it acts on, or after today (2024-07-01): INVALID_ARGUMENT naming the field.</summary>
    [Theory]
    [InlineData("confirm", "2024-06-29", "confirmation_date")]
    [InlineData("confirm", "2024-07-02", "confirmation_date")]
    [InlineData("confirm", "2024-7-01", "confirmation_date")]
    [InlineData("waive", "2024-06-29", "waiver_date")]
    [InlineData("waive", "2024-07-02", "waiver_date")]
    [InlineData("apply", "2024-07-02", "application_date")]
    public async Task DatedAction_BeforeTheOfferOrInTheFuture_InvalidArgumentNamingTheField(string action, string date, string field)
    {
        await RunAsync();
        Today("2024-07-01");

        var ex = await Assert.ThrowsAsync<RpcException>(() => ActAsync(action, date));

        Assert.Equal((StatusCode.InvalidArgument, field), (ex.StatusCode, FieldOf(ex)));
        Assert.Equal(V1.RefundState.Offered, (await DecisionAsync(Eligible)).State);
    }

    [Fact]
    public async Task DatedAction_OnTheOfferDay_Accepted()
    {
        await RunAsync();
        Today("2024-07-01");

        Assert.Equal(V1.RefundState.DisbursementApproved, (await ConfirmAsync(Eligible, "2024-06-30")).State);
        Assert.Equal(V1.RefundState.Waived, (await WaiveAsync(SizeMismatch, "2024-06-30")).State);

        var events = await HubQueries.EventsAsync(Hub);
        var approved = events.Single(e => e.Type == "RefundDisbursementApproved").Payload;
        Assert.Equal(("2024-06-30", "2024-06-30"), (approved.GetProperty("approvedOn").GetString(), approved.GetProperty("decisionDate").GetString()));
        Assert.Equal("2024-06-30", events.Single(e => e.Type == "RefundConfirmed").Payload.GetProperty("confirmedOn").GetString());
    }

    [Fact]
    public async Task Reminders_ApplicationKeyedInLate_CountFromTheApplicationDate()
    {
        await RunAsync();
        Today("2024-07-20"); // Saturday; the application was received on Monday 2024-07-01
        await ApplyAsync(Dispatch, "2024-07-01");

        // Its 10 working days ran out on 2024-07-15: due at once, as for the units offered on 2024-06-30.
        Assert.Equal(3, await Hub.Services.GetRequiredService<RefundActions>().SendDueRemindersAsync(CancellationToken.None));

        var reminder = (await HubQueries.EventsAsync(Hub)).Single(e => e.Type == "RefundReminderDue" && e.Subject == Ids.Uscc(Dispatch)).Payload;
        Assert.Equal("2024-07-01", reminder.GetProperty("offeredOn").GetString());
    }

    [Fact]
    public async Task Reminders_AfterTheProgrammeEnded_NoneSent()
    {
        await RunAsync();
        Today("2025-01-02");

        Assert.Equal(0, await Hub.Services.GetRequiredService<RefundActions>().SendDueRemindersAsync(CancellationToken.None));
    }

    [Theory]
    [Trait("issue", "12")]
    [InlineData("confirm", "DISBURSEMENT_APPROVED", "RefundConfirmed")]
    [InlineData("waive", "WAIVED", "RefundWaived")]
    [InlineData("apply", "OFFERED", "RefundOffered")]
    public async Task DatedAction_Repeated_AnswersTheStateReached_OneEffect(string action, string state, string eventType)
    {
        await RunAsync();
        Today("2024-08-01");
        var decisionsBefore = (await Refunds.GetRefundDecisionAsync(new GetRefundDecisionRequest { Uscc = Ids.Uscc(Dispatch), ProgramYear = 2024 })).History.Count;

        var first = await ActAsync(action, "2024-07-10");
        var again = await ActAsync(action, "2024-07-10");

        Assert.Equal((state, state), (first, again));
        var subject = Ids.Uscc(action == "apply" ? Dispatch : Eligible);
        Assert.Single(await HubQueries.EventsAsync(Hub), e => e.Type == eventType && e.Subject == subject);
        if (action == "apply")
        {
            var after = await Refunds.GetRefundDecisionAsync(new GetRefundDecisionRequest { Uscc = Ids.Uscc(Dispatch), ProgramYear = 2024 });
            Assert.Equal(decisionsBefore + 1, after.History.Count); // the first application superseded the run's decision; the repeat none
        }
    }

    [Theory]
    [Trait("issue", "12")]
    [InlineData("confirm", "DISBURSEMENT_APPROVED")]
    [InlineData("waive", "WAIVED")]
    public async Task DatedAction_RepeatedWithoutADateAfterTheProgrammeEnded_AnswersTheStateReached(string action, string state)
    {
        await RunAsync();
        Today("2024-08-01");
        await ActAsync(action, "2024-07-10");
        Today("2025-01-05");

        Assert.Equal(state, await ActAsync(action, ""));
    }

    /// <summary>Confirms or waives the eligible unit's offer, or has the labour-dispatch unit apply; the state afterwards.</summary>
    private async Task<string> ActAsync(string action, string date) => action switch
    {
        "confirm" => EnumNames.Suffix((await ConfirmAsync(Eligible, date)).State),
        "waive" => EnumNames.Suffix((await WaiveAsync(Eligible, date)).State),
        _ => EnumNames.Suffix((await ApplyAsync(Dispatch, date)).State),
    };

    private static string FieldOf(RpcException ex) => Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field;

    private static string ReasonOf(RpcException ex) => ErrorDetails.Info(ex).Reason;
}

[Trait("storage", "sqlite")]
public sealed class SqliteRefundDatedActionTests() : RefundDatedActionTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresRefundDatedActionTests() : RefundDatedActionTests(StorageProvider.Postgres);

using System.Text.Json;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Refunds;

/// <summary>
/// 2.(1) "Decision (settlement)" through the real hub: once the eligible unit confirms (its 432,000 fen refund decided
/// as of D = 2024-06-30 at MEDIUM/SMALL 60%), D is frozen; later runs — also after the programme's end — decide it
/// again at D with newer knowledge, and facts dated after D never change it.
/// </summary>
[Trait("clause", "2.(1)")]
public abstract class RefundSettlementTests(StorageProvider provider) : SeededRefundHub(provider)
{
    [Fact]
    public async Task SettlementRun_OfficialClassArrivingIn2025_OneAdjustedNamingTheSizeClass()
    {
        var approvedId = await DisburseEligibleAsync();
        Today("2025-03-03");
        await PushUnitAsync(u => { u.SizeClass = SizeClass.Large; u.SizeClassSource = SizeClassSource.Official; });

        var run = await RunAsync("2025-03-03");

        // Settlement-only: the year's one approved unit, nothing else decided, no offer made.
        Assert.Equal((ReconciliationRunStatus.Completed, 2024, 1, 1), (run.Status, run.ProgramYear, run.Units, run.Decided));
        var events = (await HubQueries.EventsAsync(Hub)).Where(e => e.CorrelationId == run.RunId).ToList();
        Assert.Equal(["RefundAdjusted", "ReconciliationCompleted"], events.Select(e => e.Type));
        var adjusted = events[0].Payload;
        Assert.Equal((432_000L, 216_000L, -216_000L), (Long(adjusted, "paidFen"), Long(adjusted, "dueFen"), Long(adjusted, "differenceFen")));
        Assert.Equal(("REFUND_SETTLED_SIZE_CLASS", "2.(1)"), (Text(adjusted, "reasonCode"), Text(adjusted, "clauseId")));
        Assert.Equal(("LARGE", "OFFICIAL", "LARGE"), (Text(adjusted, "sizeClass"), Text(adjusted, "sizeClassSource"), Text(adjusted, "officialSizeClass")));
        Assert.Equal("2024-06-30", Text(adjusted, "decisionDate"));
        var decision = await DecisionAsync(Eligible);
        Assert.Equal((approvedId, decision.Decision.DecisionId), (Long(adjusted, "supersedesDecisionId"), Long(adjusted, "decisionId")));
        Assert.Equal((V1.RefundState.DisbursementApproved, "0.3"), (decision.State, decision.Decision.Rate));
        Assert.Contains(adjusted.GetProperty("explanation").EnumerateArray(), r => Text(r, "reasonCode") == "REFUND_SETTLED_SIZE_CLASS");

        var again = await RunAsync("2025-03-03");
        Assert.Equal((1, 0, 1), (again.Units, again.Decided, again.Unchanged));
        Assert.Single(await HubQueries.EventsAsync(Hub), e => e.Type == "RefundAdjusted");
    }

    [Fact]
    public async Task Run_ProvisionalClassChangedAfterDisbursement_AdjustedWithoutAnOfficialClass()
    {
        await DisburseEligibleAsync();
        Today("2024-07-10");
        await PushUnitAsync(u => u.SizeClass = SizeClass.Large); // still PROVISIONAL

        await RunAsync("2024-07-10");

        var adjusted = (await HubQueries.EventsAsync(Hub)).Single(e => e.Type == "RefundAdjusted").Payload;
        Assert.Equal((-216_000L, "LARGE", "PROVISIONAL", ""), (Long(adjusted, "differenceFen"), Text(adjusted, "sizeClass"),
            Text(adjusted, "sizeClassSource"), Text(adjusted, "officialSizeClass")));
    }

    [Fact]
    public async Task Run_ArrearsOfALaterMonthAndALaterDeregistration_NoAdjustment()
    {
        await DisburseEligibleAsync();
        Today("2024-09-02");
        foreach (var unit in new[] { Eligible, SizeMismatch })
        {
            var arrears = Records.Settlement($"{P}-s{unit}-2024-07", unit, "2024-07", SettlementStatus.Arrears);
            arrears.StatusDate = "2024-08-20";
            await Infrastructure.Feeds.PushSettlementsAsync(Hub.Channel(TestHub.TaxToken), [arrears]);
        }
        await PushUnitAsync(u => { u.RegistrationStatus = RegistrationStatus.Deregistered; u.StatusDate = "2024-08-25"; });

        var run = await RunAsync("2024-09-02");

        // In force on the run's D: the offered unit with the same arrears is now refused…
        Assert.Equal(V1.RefundOutcome.Ineligible, (await DecisionAsync(SizeMismatch)).Decision.Outcome);
        // …but the disbursed refund is decided at its frozen D = 2024-06-30, when neither was in force.
        var events = (await HubQueries.EventsAsync(Hub)).Where(e => e.CorrelationId == run.RunId && e.Subject == Ids.Uscc(Eligible));
        Assert.Empty(events);
        var decision = await DecisionAsync(Eligible);
        Assert.Equal((V1.RefundState.DisbursementApproved, V1.RefundOutcome.Eligible, 432_000L), (decision.State, decision.Decision.Outcome, decision.Decision.AmountFen));
    }

    [Fact]
    public async Task Run_CorrectedAssessmentYearLineAfterDisbursement_AdjustedNamingTheBase()
    {
        var approvedId = await DisburseEligibleAsync();
        Today("2024-07-10");
        var corrected = SeedData.YearOfLines(Eligible, P).First();
        corrected.Revision = 2;
        corrected.EmployerAmountFen = 0; // the tax bureau withdrew the employer part of one line received 2023-02-15
        corrected.ClearWageBaseFen();
        Assert.Equal(1, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [corrected])).Corrected);
        // A line received after D (a late back payment of 2023) is not part of the refund of D.
        var late = Records.Line($"{P}-late-after-d", Eligible, 150, "2023-08");
        late.Kind = ContributionKind.BackPayment;
        late.ReceivedDate = "2024-07-05";
        await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [late]);

        var run = await RunAsync("2024-07-10");

        var adjusted = (await HubQueries.EventsAsync(Hub)).Single(e => e.CorrelationId == run.RunId && e.Type == "RefundAdjusted").Payload;
        // 60% of 1,500 fen less base, to the fen; the late line's 3,000 fen are not counted.
        Assert.Equal((432_000L, 431_100L, -900L), (Long(adjusted, "paidFen"), Long(adjusted, "dueFen"), Long(adjusted, "differenceFen")));
        Assert.Equal(("REFUND_SETTLED_BASE_CORRECTED", "1.(2)", ""), (Text(adjusted, "reasonCode"), Text(adjusted, "clauseId"), Text(adjusted, "officialSizeClass")));
        Assert.Equal(approvedId, Long(adjusted, "supersedesDecisionId"));
        Assert.Equal(SeedData.YearBaseFen - 1500, (await DecisionAsync(Eligible)).Decision.BaseFen);
    }

    [Fact]
    public async Task Run_HeldAtTheFrozenDateThenSettledAgainAndABaseCorrection_SettledAgainstThePaidDecisionNamingTheBase()
    {
        var approvedId = await DisburseEligibleAsync();
        Today("2024-07-10");
        // Told after the approval: March 2023 was deferred (dated before D) — the re-decision at D is HELD, which settles nothing.
        var deferred = SeedData.YearOfSettlements(Eligible, P).ElementAt(2);
        deferred.Revision = 2;
        deferred.Status = SettlementStatus.Deferred;
        await Infrastructure.Feeds.PushSettlementsAsync(Hub.Channel(TestHub.TaxToken), [deferred]);
        var held = await RunAsync("2024-07-10");
        Assert.DoesNotContain(await HubQueries.EventsAsync(Hub), e => e.CorrelationId == held.RunId && e.Type == "RefundAdjusted");
        Assert.Equal(V1.RefundOutcome.Held, (await DecisionAsync(Eligible)).Decision.Outcome);
        Today("2024-07-20");
        deferred.Revision = 3;
        deferred.Status = SettlementStatus.Settled;
        await Infrastructure.Feeds.PushSettlementsAsync(Hub.Channel(TestHub.TaxToken), [deferred]);
        var corrected = SeedData.YearOfLines(Eligible, P).First();
        corrected.Revision = 2;
        corrected.EmployerAmountFen = 0;
        corrected.ClearWageBaseFen();
        await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [corrected]);

        var run = await RunAsync("2024-07-20");

        // Compared with the decision paid (rate 0.6, base known), not with the HELD one in between.
        var adjusted = (await HubQueries.EventsAsync(Hub)).Single(e => e.CorrelationId == run.RunId && e.Type == "RefundAdjusted").Payload;
        Assert.Equal((432_000L, 431_100L, -900L), (Long(adjusted, "paidFen"), Long(adjusted, "dueFen"), Long(adjusted, "differenceFen")));
        Assert.Equal("REFUND_SETTLED_BASE_CORRECTED", Text(adjusted, "reasonCode"));
        Assert.NotEqual(approvedId, Long(adjusted, "supersedesDecisionId")); // it supersedes the HELD decision, the current one
    }

    [Fact]
    public async Task SettlementRun_NothingApprovedChanged_DecidesNothingAndOffersNothing()
    {
        await DisburseEligibleAsync();
        Today("2025-01-02");

        var run = await RunAsync("2025-01-02");

        Assert.Equal((2024, 1, 0, 1), (run.ProgramYear, run.Units, run.Decided, run.Unchanged));
        Assert.Equal(["ReconciliationCompleted"], (await HubQueries.EventsAsync(Hub)).Where(e => e.CorrelationId == run.RunId).Select(e => e.Type));
        Assert.Equal(V1.RefundState.AwaitingApplication, (await DecisionAsync(Dispatch)).State);
    }

    [Fact]
    public async Task SettlementRun_AskedForAYearNotYetEnded_Refused()
    {
        var ex = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => RunAsync("2024-06-30", programYear: 2025));
        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, ex.StatusCode);
    }

    /// <summary>Runs at 2024-06-30 and confirms the eligible unit's offer that day; returns the approved decision's id.</summary>
    private async Task<long> DisburseEligibleAsync()
    {
        await RunAsync();
        Assert.Equal(432_000L, (await ConfirmAsync(Eligible, "2024-06-30")).AmountFen);
        return (await DecisionAsync(Eligible)).Decision.DecisionId;
    }

    /// <summary>Market regulation reports the eligible unit again (revision 2) with <paramref name="change"/>.</summary>
    private async Task PushUnitAsync(Action<UnitRecord> change)
    {
        var unit = SeedData.Unit(Eligible, P, u => { u.Revision = 2; change(u); });
        Assert.Equal(0, (await Infrastructure.Feeds.PushUnitsAsync(Hub.Channel(TestHub.MarketToken), [unit])).Rejected);
    }

    private static long Long(JsonElement e, string name) => e.GetProperty(name).GetInt64();

    private static string? Text(JsonElement e, string name) => e.GetProperty(name).GetString();
}

[Trait("storage", "sqlite")]
public sealed class SqliteRefundSettlementTests() : RefundSettlementTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresRefundSettlementTests() : RefundSettlementTests(StorageProvider.Postgres);

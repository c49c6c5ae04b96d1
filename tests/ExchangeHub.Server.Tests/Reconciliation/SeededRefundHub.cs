using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>
/// The real hub seeded with the refund units of the 2024 programme (assessment year 2023) through its feeds, clock at
/// 2024-06-30: what the reconciliation, dated-action and settlement tests share. Each unit is one case of 1.(2).
/// </summary>
public abstract class SeededRefundHub(StorageProvider provider) : IAsyncLifetime
{
    protected const int Eligible = 1, Arrears = 2, Deferred = 3, Dispatch = 4, Unknown = 5, SizeMismatch = 6, Deregistered = 7, NoSettlement = 8;
    protected const string P = "seed";

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 6, 30, 2, 0, 0, TimeSpan.Zero));
    protected TestHub Hub { get; set; } = null!;

    /// <summary>Settings over the defaults below (a subclass relaying to the broker sets the messaging ones).</summary>
    protected virtual Dictionary<string, string?> Settings => [];

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Messaging:Enabled"] = "false",
            ["Hub:Refunds:SendReminders"] = "false", // the tests call SendDueRemindersAsync themselves
            // Reminders count working days on the Xinjiang calendar, which the real file covers for 2025 only (TestPolicies).
            ["Hub:Policy:Path"] = TestPolicies.XinjiangCovering2024,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        Hub = await TestHub.StartAsync(provider, settings, Clock);
        var units = new[]
        {
            SeedData.Unit(Eligible, P), SeedData.Unit(Arrears, P), SeedData.Unit(Deferred, P),
            SeedData.Unit(Dispatch, P, u => u.LabourDispatch = true),
            SeedData.Unit(SizeMismatch, P, u => u.SizeClass = SizeClass.Large),
            SeedData.Unit(Deregistered, P, u => { u.RegistrationStatus = RegistrationStatus.Deregistered; u.StatusDate = "2023-06-30"; }),
            SeedData.Unit(NoSettlement, P),
        };
        var lines = new[] { Eligible, Arrears, Deferred, Dispatch, Unknown, SizeMismatch, Deregistered, NoSettlement }
            .SelectMany(u => SeedData.YearOfLines(u, P)).ToList();
        // 2.(1) item 2: a late fee and a back payment of 2022 received in 2023 are not part of the base.
        var lateFee = Records.Line($"{P}-late", Eligible, 100, "2023-05");
        lateFee.Kind = ContributionKind.LateFee;
        lateFee.EmployerAmountFen = 777;
        lateFee.EmployeeAmountFen = 0;
        lateFee.ClearWageBaseFen();
        var oldYear = Records.Line($"{P}-2022", Eligible, 100, "2022-11");
        oldYear.Kind = ContributionKind.BackPayment;
        oldYear.ReceivedDate = "2023-03-10";
        // 1.(1): amounts that do not match 0.5% of the wage base.
        var wrongRate = Records.Line($"{P}-rate", SizeMismatch, 999, "2023-03", employer: 1800, employee: 1500);
        lines.AddRange([lateFee, oldYear, wrongRate]);
        var settlements = new[] { Eligible, Dispatch, Unknown, SizeMismatch, Deregistered }
            .SelectMany(u => SeedData.YearOfSettlements(u, P))
            .Concat(SeedData.YearOfSettlements(Arrears, P, m => m == 4 ? SettlementStatus.Arrears : SettlementStatus.Settled))
            .Concat(SeedData.YearOfSettlements(Deferred, P, m => m == 10 ? SettlementStatus.Deferred : SettlementStatus.Settled))
            .Append(Records.Settlement($"{P}-s-2022-11", Eligible, "2022-11")) // the month the 2022 back payment is for
            .Append(Records.Settlement($"{P}-s-2022-06", SizeMismatch, "2022-06")); // SETTLED, but no premium line for it
        await SeedData.PushAsync(Hub.Channel(TestHub.TaxToken), Hub.Channel(TestHub.MarketToken), units, lines, settlements);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    protected RefundService.RefundServiceClient Refunds => new(Hub.Channel(TestHub.OperatorToken));

    protected async Task<ReconciliationRun> RunAsync(string date = "2024-06-30", int programYear = 0)
    {
        var client = new ReconciliationService.ReconciliationServiceClient(Hub.Channel(TestHub.OperatorToken));
        using var call = client.RunReconciliation(new RunReconciliationRequest { DecisionDate = date, ProgramYear = programYear },
            deadline: DateTime.UtcNow.AddMinutes(2));
        ReconciliationRun? run = null;
        var last = 0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            // The stream is progress messages, then the finished run, last and once (issue 13: a oneof).
            Assert.Null(run);
            if (call.ResponseStream.Current.Progress is { } progress)
            {
                Assert.True(progress.Done >= last, "progress never goes back");
                last = progress.Done;
            }
            run = call.ResponseStream.Current.Run ?? run;
        }
        Assert.NotNull(run);
        return run;
    }

    protected Task<GetRefundDecisionResponse> DecisionAsync(int unit) =>
        Refunds.GetRefundDecisionAsync(new GetRefundDecisionRequest { Uscc = Ids.Uscc(unit), ProgramYear = 2024 }).ResponseAsync;

    protected Task<ConfirmRefundResponse> ConfirmAsync(int unit, string date = "") =>
        Refunds.ConfirmRefundAsync(new ConfirmRefundRequest { Uscc = Ids.Uscc(unit), ProgramYear = 2024, ConfirmationDate = date }).ResponseAsync;

    protected Task<WaiveRefundResponse> WaiveAsync(int unit, string date = "") =>
        Refunds.WaiveRefundAsync(new WaiveRefundRequest { Uscc = Ids.Uscc(unit), ProgramYear = 2024, WaiverDate = date }).ResponseAsync;

    protected Task<ApplyForRefundResponse> ApplyAsync(int unit, string date = "") =>
        Refunds.ApplyForRefundAsync(new ApplyForRefundRequest { Uscc = Ids.Uscc(unit), ProgramYear = 2024, ApplicationDate = date }).ResponseAsync;

    /// <summary>
    /// Corrects the unit's seeded line of May 2023 (person 0) to <paramref name="revision"/> with an employer amount of
    /// revision × 1,000 fen (the unit's facts change); no record refused.
    /// </summary>
    protected async Task<IngestSummary> CorrectAsync(int unit, int revision)
    {
        var line = Records.Line($"{P}-u{unit}-m5-p0", unit, unit * 100, "2023-05", revision, employer: revision * 1000);
        line.ReceivedDate = "2023-06-15";
        var pushed = await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [line]);
        Assert.Equal(0, pushed.Rejected);
        return pushed;
    }

    /// <summary>Sets the hub's clock to 10:00 China Standard Time of <paramref name="day"/>.</summary>
    protected void Today(string day) =>
        Clock.SetUtcNow(new DateTimeOffset(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(2, 0), TimeSpan.Zero));
}

using System.Globalization;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>
/// "FACTS": refund decisions as of a decision date D and the run's knowledge time T, through the real hub. Every unit
/// is the regular year of <see cref="SeedData"/> (20 persons, 2023, ELIGIBLE for 432,000 fen) with one fact changed at a
/// boundary of D = 2024-03-29: the day before, on, and the day after. The clock stands at 2024-06-30.
/// </summary>
[Trait("clause", "FACTS")]
public abstract class AsOfDateTests(StorageProvider provider) : IAsyncLifetime
{
    private const string D = "2024-03-29", DayBefore = "2024-03-28", DayAfter = "2024-03-30";
    private const string P = "asof";
    private const string SecondMarketToken = "second-market-token";
    private const long Full = 432_000, OneLine = 1_800;

    /// <summary>A case: its unit's feeds changed by <see cref="Change"/>, then what the run of D decides.</summary>
    public sealed record Case(string Name, Action<UnitFeeds> Change, string Outcome, string Reason, long AmountFen);

    public static readonly Case[] Cases =
    [
        new("settlement SETTLED dated the day before D replaces ARREARS", f => f.SettleAprilOn(DayBefore), "ELIGIBLE", "REFUND_NO_ARREARS", Full),
        new("settlement SETTLED dated on D replaces ARREARS", f => f.SettleAprilOn(D), "ELIGIBLE", "REFUND_NO_ARREARS", Full),
        new("settlement SETTLED dated the day after D: ARREARS still in force", f => f.SettleAprilOn(DayAfter), "INELIGIBLE", "REFUND_ARREARS", 0),
        new("line received on D counts", f => f.BackPaymentReceivedOn(D), "ELIGIBLE", "REFUND_AMOUNT_RATE_BY_SIZE_CLASS", Full + OneLine),
        new("line received the day after D does not count", f => f.BackPaymentReceivedOn(DayAfter), "ELIGIBLE", "REFUND_AMOUNT_RATE_BY_SIZE_CLASS", Full),
        new("deregistration dated the day before D", f => f.DeregisteredOn(DayBefore), "INELIGIBLE", "REFUND_REGISTRATION_NOT_ACTIVE", 0),
        new("deregistration dated on D", f => f.DeregisteredOn(D), "INELIGIBLE", "REFUND_REGISTRATION_NOT_ACTIVE", 0),
        new("deregistration dated the day after D: still active on D", f => f.DeregisteredOn(DayAfter), "ELIGIBLE", "REFUND_REGISTRATION_ACTIVE", Full),
        new("a line corrected to 0/0 is cancelled: no headcount, no base", f => f.CancelOneDecemberLine(), "ELIGIBLE", "REFUND_LAYOFF_RATE_WITHIN_TARGET", Full - OneLine),
        new("December neither delivered nor settled is missing, not 0", f => f.WithoutDecember(lines: true, settlement: true), "UNDETERMINED", "REFUND_MONTH_DATA_MISSING", 0),
        new("December settled without lines has 0 insured", f => f.WithoutDecember(lines: true, settlement: false), "INELIGIBLE", "REFUND_LAYOFF_RATE_ABOVE_SMALL_UNIT_CAP", 0),
        new("two agencies disagree on the registration", f => f.SecondAgencyDeregistered(), "UNDETERMINED", "REFUND_UNIT_SOURCES_CONFLICT", 0),
    ];

    public static TheoryData<int> CaseNumbers() => [.. Enumerable.Range(0, Cases.Length)];

    private static int UnitOf(int caseNumber) => 40 + caseNumber;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 6, 30, 2, 0, 0, TimeSpan.Zero));
    protected TestHub Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Hub:Messaging:Enabled"] = "false",
            ["Hub:Refunds:SendReminders"] = "false",
            ["Hub:Security:Agencies:5:Id"] = "second-market",
            ["Hub:Security:Agencies:5:Name"] = "A second market regulator",
            ["Hub:Security:Agencies:5:Roles:0"] = "MARKET_REGULATION",
            ["Hub:Security:Agencies:5:TokenSha256"] = "37effb44a4e618938c20b177e0664ba2a0c64862610fecef90b9ed36f331c295",
        }, Clock);
        var feeds = Cases.Select((c, i) =>
        {
            var f = new UnitFeeds(UnitOf(i));
            c.Change(f);
            return f;
        }).ToList();
        var tax = Hub.Channel(TestHub.TaxToken);
        await SeedData.PushAsync(tax, Hub.Channel(TestHub.MarketToken), feeds.Select(f => f.Unit), feeds.SelectMany(f => f.Lines), feeds.SelectMany(f => f.Settlements));
        // Corrections (a higher revision of a stored record) go in after the records they correct.
        await SeedData.PushAsync(tax, Hub.Channel(TestHub.MarketToken), [], feeds.SelectMany(f => f.Corrections), feeds.SelectMany(f => f.SettlementCorrections));
        var second = feeds.Where(f => f.SecondAgencyUnit is not null).Select(f => f.SecondAgencyUnit!).ToList();
        Assert.Equal(0, (await Infrastructure.Feeds.PushUnitsAsync(Hub.Channel(SecondMarketToken), second)).Rejected);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public async Task Run_FactAtTheBoundaryOfD_DecidedAsOfD(int caseNumber)
    {
        var expected = Cases[caseNumber];

        await RunAsync(D);

        var decision = (await DecisionAsync(UnitOf(caseNumber))).Decision;
        Assert.True(expected.Outcome == EnumNames.Suffix(decision.Outcome),
            $"{expected.Name}: {decision.Outcome}, {string.Join(" ", decision.Explanation.Select(r => r.ReasonCode))}");
        Assert.Contains(decision.Explanation, r => r.ReasonCode == expected.Reason);
        Assert.Equal(expected.AmountFen, decision.AmountFen);
    }

    [Fact]
    public async Task Run_TwoAgenciesDisagree_ExceptionNamesBothSources()
    {
        var unit = UnitOf(Array.FindIndex(Cases, c => c.Reason == "REFUND_UNIT_SOURCES_CONFLICT"));

        var run = await RunAsync(D);

        var page = await new ReconciliationService.ReconciliationServiceClient(Hub.Channel(TestHub.OperatorToken))
            .ListReconciliationExceptionsAsync(new ListReconciliationExceptionsRequest { RunId = run.RunId, Code = "UNIT_SOURCES_CONFLICT" });
        var conflict = Assert.Single(page.Exceptions);
        Assert.Equal(Ids.Uscc(unit), conflict.SubjectKey);
        foreach (var named in new[] { "RegistrationStatus", "dev-market", $"{P}-unit{unit}", "second-market", $"second-unit{unit}" })
        {
            Assert.Contains(named, conflict.Detail, StringComparison.Ordinal);
        }
        var decision = (await DecisionAsync(unit)).Decision;
        Assert.Contains(decision.Explanation, r => r.ReasonCode == "REFUND_UNIT_SOURCES_CONFLICT" && r.ClauseId == "FACTS");
    }

    [Fact]
    public async Task Run_SameDateAMonthLater_SameDecisionsAndNothingNew()
    {
        var first = await RunAsync(D);
        var decided = await StoredDecisionsAsync();
        Clock.Advance(TimeSpan.FromDays(30));
        // Facts dated after D reach the hub meanwhile: a deregistration, a late line.
        var deregistered = new UnitFeeds(UnitOf(0)).Unit;
        deregistered.Revision = 2;
        deregistered.RegistrationStatus = RegistrationStatus.Deregistered;
        deregistered.StatusDate = "2024-07-15";
        Assert.Equal(1, (await Infrastructure.Feeds.PushUnitsAsync(Hub.Channel(TestHub.MarketToken), [deregistered])).Corrected);
        var late = new UnitFeeds(UnitOf(Array.FindIndex(Cases, c => c.Reason == "REFUND_REGISTRATION_ACTIVE")));
        late.BackPaymentReceivedOn("2024-07-20");
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [late.Lines[^1]])).Rejected);

        var again = await RunAsync(D);

        Assert.Equal((0, first.Units), (again.Decided, again.Unchanged));
        Assert.Equal(decided, await StoredDecisionsAsync());
    }

    [Fact]
    public async Task Run_CorrectionRecordedAfterARun_StoredDecisionKeepsItsDAndT_NewRunSupersedes()
    {
        var unit = UnitOf(Array.FindIndex(Cases, c => c.Name.StartsWith("line received the day after", StringComparison.Ordinal)));
        await RunAsync(D);
        var before = Assert.Single(await StoredDecisionsAsync(unit));
        Assert.Equal((DateOnly.ParseExact(D, "yyyy-MM-dd", CultureInfo.InvariantCulture), Clock.GetUtcNow().ToUnixTimeMilliseconds()),
            (before.DecisionDate, before.KnowledgeTimeUnixMs));

        Clock.Advance(TimeSpan.FromDays(1));
        var corrected = new UnitFeeds(unit).Lines[0]; // a January line of 2023, received 2023-02-15: dated before D
        corrected.Revision = 2;
        corrected.EmployerAmountFen = 0;
        corrected.ClearWageBaseFen();
        Assert.Equal(1, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [corrected])).Corrected);
        var run = await RunAsync(D);

        Assert.Equal(1, run.Decided);
        var decisions = await StoredDecisionsAsync(unit);
        Assert.Equal(2, decisions.Count);
        Assert.Equal(before, decisions[0]); // the first decision, as it was stored: its D, its T, its facts
        Assert.Equal((before.DecisionDate, Clock.GetUtcNow().ToUnixTimeMilliseconds(), Full - 900), (decisions[1].DecisionDate, decisions[1].KnowledgeTimeUnixMs, decisions[1].AmountFen));
        Assert.Contains("Contributions: amounts changed", (await DecisionAsync(unit)).Decision.SupersedeReason, StringComparison.Ordinal);
    }

    private async Task<ReconciliationRun> RunAsync(string date)
    {
        var client = new ReconciliationService.ReconciliationServiceClient(Hub.Channel(TestHub.OperatorToken));
        using var call = client.RunReconciliation(new RunReconciliationRequest { DecisionDate = date }, deadline: DateTime.UtcNow.AddMinutes(2));
        ReconciliationRun? run = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            run = call.ResponseStream.Current.Run ?? run;
        }
        return Assert.IsType<ReconciliationRun>(run);
    }

    private Task<GetRefundDecisionResponse> DecisionAsync(int unit) => new RefundService.RefundServiceClient(Hub.Channel(TestHub.OperatorToken))
        .GetRefundDecisionAsync(new GetRefundDecisionRequest { Uscc = Ids.Uscc(unit), ProgramYear = 2024 }).ResponseAsync;

    public sealed record StoredAsOf(long Id, string Uscc, string Outcome, long AmountFen, DateOnly DecisionDate, long KnowledgeTimeUnixMs, string FactsSha256);

    /// <summary>The stored refund decisions (all units, or one), in id order, with their D and T.</summary>
    private async Task<List<StoredAsOf>> StoredDecisionsAsync(int? unit = null)
    {
        await using var db = Hub.Services.GetRequiredService<HubDatabase>().CreateContext();
        var rows = db.RefundDecisions.Where(d => unit == null || d.Uscc == Ids.Uscc(unit.Value)).OrderBy(d => d.Id).ToList();
        return [.. rows.Select(d => new StoredAsOf(d.Id, d.Uscc, d.Outcome, d.AmountFen, d.DecisionDate, d.KnowledgeTimeUnixMs, d.FactsSha256))];
    }

    /// <summary>One unit's records in every feed, as a case changes them before they are pushed.</summary>
    public sealed class UnitFeeds(int unit)
    {
        public UnitRecord Unit { get; } = SeedData.Unit(unit, P);
        public List<ContributionLine> Lines { get; } = [.. SeedData.YearOfLines(unit, P)];
        public List<SettlementStatusRecord> Settlements { get; } = [.. SeedData.YearOfSettlements(unit, P)];
        public List<ContributionLine> Corrections { get; } = [];
        public List<SettlementStatusRecord> SettlementCorrections { get; } = [];
        public UnitRecord? SecondAgencyUnit { get; private set; }

        /// <summary>April 2023 went into ARREARS (dated 2023-05-20); a second revision settles it on <paramref name="date"/>.</summary>
        public void SettleAprilOn(string date)
        {
            var april = Settlements.Single(s => s.Period == "2023-04");
            april.Status = SettlementStatus.Arrears;
            var settled = april.Clone();
            settled.Revision = 2;
            settled.Status = SettlementStatus.Settled;
            settled.StatusDate = date;
            SettlementCorrections.Add(settled);
        }

        /// <summary>A 21st person's back payment for August 2023 (3,000 fen), received on <paramref name="date"/>.</summary>
        public void BackPaymentReceivedOn(string date)
        {
            var line = Records.Line($"{P}-u{unit}-late", unit, (unit * 100) + 50, "2023-08");
            line.Kind = ContributionKind.BackPayment;
            line.ReceivedDate = date;
            Lines.Add(line);
        }

        public void DeregisteredOn(string date)
        {
            Unit.RegistrationStatus = RegistrationStatus.Deregistered;
            Unit.StatusDate = date;
        }

        /// <summary>One December line corrected to 0 employer and 0 employee amount (same received date): cancelled.</summary>
        public void CancelOneDecemberLine()
        {
            var cancelled = Lines.First(l => l.Period == "2023-12").Clone();
            cancelled.Revision = 2;
            cancelled.EmployerAmountFen = 0;
            cancelled.EmployeeAmountFen = 0;
            cancelled.ClearWageBaseFen();
            Corrections.Add(cancelled);
        }

        public void WithoutDecember(bool lines, bool settlement)
        {
            if (lines)
            {
                Lines.RemoveAll(l => l.Period == "2023-12");
            }
            if (settlement)
            {
                Settlements.RemoveAll(s => s.Period == "2023-12");
            }
        }

        /// <summary>A second market regulator reports the same USCC deregistered (before D) under its own source id.</summary>
        public void SecondAgencyDeregistered() => SecondAgencyUnit = SeedData.Unit(unit, "second", u =>
        {
            u.RegistrationStatus = RegistrationStatus.Deregistered;
            u.StatusDate = "2024-01-10";
        });
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteAsOfDateTests() : AsOfDateTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresAsOfDateTests() : AsOfDateTests(StorageProvider.Postgres);

using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> of the real hub (Kestrel, SQLite file, real RabbitMQ): every meter moves after real calls, a real run
/// and real publishes; no resident id or USCC appears in a scrape; the endpoint's switch and port hold.
/// </summary>
[Collection("rabbitmq")]
[Trait("storage", "sqlite")]
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_FeedCallRunAndPublishes_EveryMeterMoves()
    {
        var port = FreePort();
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new(RelaySettings.For())
        {
            ["Hub:Telemetry:MetricsPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var metrics = new Uri($"http://127.0.0.1:{port}/metrics");
        var before = await MetricsScrape.FromAsync(metrics);
        await using var subscriber = await EventSubscriber.StartAsync(null, EventDeliveryTests.AllEvents);
        var tax = hub.Channel(TestHub.TaxToken);
        await EventDeliveryTests.SeedAsync(tax, hub.Channel(TestHub.MarketToken), 3, arrearsUnit: 2, deferredUnit: 3);

        // One call: accepted, then (later batches) the same line again, a corrected revision and a malformed USCC.
        var line = Records.Line("metrics-1", unit: 1, person: 1, period: "2022-03");
        var corrected = Records.Line("metrics-1", unit: 1, person: 1, period: "2022-03", revision: 2, employer: 1600);
        var rejected = Records.Line("metrics-2", unit: 1, person: 1, period: "2022-03");
        rejected.Uscc = "NOT-A-USCC";
        var summary = await Infrastructure.Feeds.PushLinesAsync(tax, [line], [line.Clone()], [corrected], [rejected]);
        Assert.Equal((1, 1, 1, 1), (summary.Accepted, summary.Duplicate, summary.Corrected, summary.Rejected));
        var reason = Assert.Single(summary.Rejections).ReasonCode;

        var run = await EventDeliveryTests.RunAsync(hub.Channel(TestHub.OperatorToken));
        await subscriber.WaitUntilAsync(d => d.Any(x => x.CorrelationId == run.RunId && x.SubjectKey == run.RunId), TimeSpan.FromSeconds(60));
        // A row no event type has: the relay fails it once and parks it (failures counter, parked gauge).
        await hub.Database.ExecuteAsync(
            "INSERT INTO outbox_messages (message_id, message_type, subject_key, correlation_id, payload, created_at_unix_ms, attempts) "
            + $"VALUES ('{Guid.NewGuid():D}', 'urn:message:exchangehub.v1:NoSuchEvent', 'metrics-poison', 'metrics', '{{}}', 0, 0)");
        await WaitAsync(() => hub.Database.ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE parked_at_unix_ms IS NOT NULL"));

        var after = await ScrapeUntilAsync(metrics, s => s.Sum("exchangehub_outbox_parked") >= 1);
        double Moved(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        var lines = ("feed", "contribution_lines");
        Assert.True(Moved("exchangehub_feed_records_total", lines, ("result", "accepted")) >= 1 + 36, after.Text);
        Assert.True(Moved("exchangehub_feed_records_total", lines, ("result", "duplicate")) >= 1, after.Text);
        Assert.True(Moved("exchangehub_feed_records_total", lines, ("result", "corrected")) >= 1, after.Text);
        Assert.True(Moved("exchangehub_feed_records_total", lines, ("result", "rejected"), ("reason", reason)) >= 1, after.Text);
        Assert.Equal(0, after.Sum("exchangehub_feed_records_total", ("result", "accepted"), ("reason", reason)));
        Assert.True(Moved("exchangehub_feed_records_total", ("feed", "units"), ("result", "accepted")) >= 3, after.Text);
        Assert.True(Moved("exchangehub_feed_batch_duration_seconds_count", lines) >= 4, after.Text);
        Assert.True(Moved("exchangehub_storage_writer_wait_seconds_count", ("provider", "sqlite")) >= 4, after.Text);
        Assert.True(Moved("exchangehub_reconciliation_run_duration_seconds_count", ("programme", "refund"), ("status", "completed")) >= 1, after.Text);
        Assert.True(Moved("exchangehub_reconciliation_decisions_total", ("programme", "refund")) >= 3, after.Text);
        Assert.True(Moved("exchangehub_outbox_publishes_total", ("event_type", "ReconciliationCompleted")) >= 1, after.Text);
        Assert.True(Moved("exchangehub_outbox_publishes_total") >= 4, after.Text); // three decisions and the completion
        Assert.True(Moved("exchangehub_outbox_publish_failures_total", ("event_type", "unknown")) >= 1, after.Text);
        Assert.True(after.Has("exchangehub_outbox_unsent"));
        Assert.True(after.Has("exchangehub_outbox_oldest_unsent_age_seconds"));

        // The alert rules and the dashboard name only series the hub exposes.
        foreach (var file in new[] { "deploy/prometheus/alerts.yml", "deploy/grafana/exchangehub-dashboard.json" })
        {
            var names = MetricName().Matches(File.ReadAllText(Path.Combine(Samples.ComposeFileTests.Root, file))).Select(m => m.Value).Distinct().ToList();
            Assert.NotEmpty(names);
            Assert.All(names, name => Assert.True(after.Has(name) || after.Has(name + "_count"), $"{file} names {name}, which /metrics does not expose"));
        }

        // Counts only: no resident id, USCC or 18-character code of any kind, whatever was pushed.
        Assert.DoesNotContain(Ids.ResidentId(1), after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ids.Uscc(1), after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT-A-USCC", after.Text, StringComparison.Ordinal);
        // Names, labels and help text (sample values are numbers: a long fraction could look like a code).
        var labelled = string.Join('\n', after.Text.Split('\n').Select(l => l.StartsWith('#') || !l.Contains(' ') ? l : l[..l.LastIndexOf(' ')]));
        Assert.DoesNotMatch(EighteenCharacterCode(), labelled);
        Assert.All(after.LabelValues("exchangehub_feed_records_total", "reason"),
            r => Assert.Contains(r, typeof(RejectionCodes).GetFields().Select(f => (string?)f.GetRawConstantValue()).Append("OTHER")));

        // The metrics port serves only /metrics, and /metrics is served only there.
        using var grpcPortMetrics = await MetricsScrape.GetAsync(new Uri(hub.Address, "/metrics"), http2: true);
        Assert.Equal(HttpStatusCode.NotFound, grpcPortMetrics.StatusCode);
    }

    /// <summary>
    /// The person programmes are metered too: a DecideSkillSubsidies call as a run of <c>skill_subsidy</c> (duration by
    /// status, subsidies by outcome), each benefit decision as it is taken (<c>benefit</c>: its outcome, then
    /// <c>unchanged</c> when decided again on the same facts).
    /// </summary>
    [Fact]
    public async Task Metrics_SkillAndBenefitDecisions_ByProgrammeAndOutcome()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite);
        var metrics = new Uri(hub.Address, "/metrics");
        var before = await MetricsScrape.FromAsync(metrics, http2: true);
        var tax = hub.Channel(TestHub.TaxToken);
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(tax,
            Enumerable.Range(1, 12).Select(m => Records.Line($"metrics-skill-{m}", unit: 1, person: 40, period: $"2023-{m:D2}")))).Rejected);
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(hub.Channel(TestHub.SkillToken), [Records.Certificate("metrics", person: 40)])).Rejected);
        var skills = new SkillSubsidyService.SkillSubsidyServiceClient(hub.Channel(TestHub.OperatorToken));
        var decided = await skills.DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = "2024-11-20" });
        Assert.Equal(1, decided.Granted);

        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(tax, Enumerable.Range(0, 50).Select(i => new DateOnly(2019, 1, 1).AddMonths(i))
            .Select(m => Records.Line($"metrics-benefit-{m:yyyyMM}", unit: 1, person: 41, period: $"{m:yyyy-MM}")))).Rejected);
        var benefits = new BenefitClaimService.BenefitClaimServiceClient(hub.Channel(TestHub.OperatorToken));
        var claim = await benefits.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(41), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.Wechat },
        });
        Assert.Equal(V1.BenefitOutcome.Granted, (await benefits.DecideClaimAsync(new DecideClaimRequest { ClaimId = claim.ClaimId, DecisionDate = "2024-11-05" })).Claim.Decisions[0].Outcome);
        await benefits.DecideClaimAsync(new DecideClaimRequest { ClaimId = claim.ClaimId, DecisionDate = "2024-11-05" });

        var after = await ScrapeUntilAsync(metrics, s => s.Sum("exchangehub_reconciliation_decisions_total", ("programme", "benefit"), ("outcome", "unchanged"))
            > before.Sum("exchangehub_reconciliation_decisions_total", ("programme", "benefit"), ("outcome", "unchanged")), http2: true);
        double Moved(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.True(Moved("exchangehub_reconciliation_run_duration_seconds_count", ("programme", "skill_subsidy"), ("status", "completed")) >= 1, after.Text);
        Assert.True(Moved("exchangehub_reconciliation_decisions_total", ("programme", "skill_subsidy"), ("outcome", "granted")) >= 1, after.Text);
        Assert.True(Moved("exchangehub_reconciliation_decisions_total", ("programme", "benefit"), ("outcome", "granted")) >= 1, after.Text);
        Assert.True(Moved("exchangehub_reconciliation_decisions_total", ("programme", "benefit"), ("outcome", "unchanged")) >= 1, after.Text);
    }

    /// <summary>
    /// A follow-up round (issue 14, item 3) is metered as a run of its programme with status <c>followup</c>: a skill
    /// subsidy refused with 11 insured months, the 12th month reported, the hub's follow-up grants it (fake clock). Read
    /// from the hub's own meters (<see cref="HubMeterRecorder"/>): the endpoint's series are tested above.
    /// </summary>
    [Fact]
    public async Task Metrics_FollowUpRound_MeteredAsARunWithStatusFollowup()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new(FollowupClock.On()) { ["Hub:Messaging:Enabled"] = "false" }, clock);
        var tax = hub.Channel(TestHub.TaxToken);
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(tax,
            Enumerable.Range(1, 11).Select(m => Records.Line($"metrics-follow-{m}", unit: 1, person: 42, period: $"2023-{m:D2}")))).Rejected);
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(hub.Channel(TestHub.SkillToken), [Records.Certificate("metrics-follow", person: 42)])).Rejected);
        var skills = new SkillSubsidyService.SkillSubsidyServiceClient(hub.Channel(TestHub.OperatorToken));
        Assert.Equal(1, (await skills.DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = "2024-11-30" })).Refused);
        using var meters = new HubMeterRecorder(hub.Services);

        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(tax, [Records.Line("metrics-follow-12", unit: 1, person: 42, period: "2023-12")])).Rejected);
        await FollowupClock.AdvanceUntilAsync(clock, async () => (await skills.GetSkillSubsidyDecisionsAsync(
            new GetSkillSubsidyDecisionsRequest { CertificateNumber = "C-metrics-follow" })).Decisions.Any(d => d.IsCurrent && d.Outcome == SkillOutcome.Granted));

        await FollowupClock.AdvanceUntilAsync(clock, () => Task.FromResult(
            meters.Count("exchangehub.reconciliation.run.duration", ("programme", "skill_subsidy"), ("status", "followup")) >= 1));
        Assert.Equal(1, meters.Sum("exchangehub.reconciliation.decisions", ("programme", "skill_subsidy"), ("outcome", "granted")));
        Assert.Equal(0, meters.Count("exchangehub.reconciliation.run.duration", ("programme", "skill_subsidy"), ("status", "completed")));
    }

    [Fact]
    public async Task Metrics_DevTokenWithoutPort_ServedOnTheGrpcAddressWithoutCredentials()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite);
        var scrape = await MetricsScrape.FromAsync(new Uri(hub.Address, "/metrics"), http2: true);
        Assert.True(scrape.Has("exchangehub_outbox_unsent"), scrape.Text);
    }

    [Fact]
    public async Task Metrics_SwitchedOff_NotServed()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new() { ["Hub:Telemetry:Metrics"] = "false" });
        using var response = await MetricsScrape.GetAsync(new Uri(hub.Address, "/metrics"), http2: true);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>An 18-character run of digits and capitals (a USCC or a resident id) anywhere in the text.</summary>
    [GeneratedRegex("(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])")]
    private static partial Regex EighteenCharacterCode();

    [GeneratedRegex("exchangehub_[a-z_]+")]
    private static partial Regex MetricName();

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<MetricsScrape> ScrapeUntilAsync(Uri url, Func<MetricsScrape, bool> done, bool http2 = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var scrape = await MetricsScrape.FromAsync(url, http2);
            if (done(scrape) || DateTime.UtcNow > deadline)
            {
                return scrape;
            }
            await Task.Delay(250);
        }
    }

    private static async Task WaitAsync(Func<Task<long>> count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await count() < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }
}

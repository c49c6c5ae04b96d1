extern alias hub;

using System.Diagnostics;
using System.Text.Json;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using hub::ExchangeHub.Server;
using hub::ExchangeHub.Server.Outbox;
using hub::ExchangeHub.Server.Common;
using hub::ExchangeHub.Server.Facts;
using hub::ExchangeHub.Server.Reconciliation;
using hub::ExchangeHub.Server.Refunds;
using hub::ExchangeHub.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// <c>--profile</c>: after the timed run, the read and compute steps of a run timed one by one, in this process, with
/// the hub's own classes over the same database file (nothing written). What the hub's run spent beyond their sum
/// is its writing (decisions, cases, outbox rows, exceptions, commits). The database then already holds the run's
/// decisions, so "current decisions and cases" reads 10,000 rows where the timed run read none.
/// </summary>
internal static class PhaseProfile
{
    public static async Task<IReadOnlyList<PhaseTime>> RunAsync(string database, DateOnly decisionDate)
    {
        await using var app = HubApp.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hub:Storage:Provider"] = "Sqlite",
                ["Hub:Storage:ConnectionString"] = $"Data Source={database}",
                ["Hub:Messaging:Enabled"] = "false",
                ["Hub:Refunds:SendReminders"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        var services = app.Services;
        var reader = services.GetRequiredService<StoredFactsReader>();
        var store = services.GetRequiredService<RefundStore>();
        var detector = services.GetRequiredService<ExceptionDetector>();
        var policy = services.GetRequiredService<PolicySet>();
        var db = services.GetRequiredService<HubDatabase>();
        var ct = CancellationToken.None;
        var phases = new List<PhaseTime>();
        var clock = Stopwatch.StartNew();

        var asOf = new FactsAsOf(decisionDate, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var groups = await AggregateOnlyAsync(db, asOf, ct);
        phases.Add(new("aggregate query alone (Microsoft.Data.Sqlite, rows read, no objects)", clock.Elapsed, $"{groups:N0} groups"));

        clock.Restart();
        var subjects = new List<string>();
        await foreach (var chunk in reader.ReadChunksAsync(asOf, 500, ct))
        {
            subjects.AddRange(chunk.Subjects);
        }
        phases.Add(new("facts read (StoredFactsReader.ReadChunksAsync: units, GROUP BY, settlements merged by USCC)", clock.Elapsed, $"{subjects.Count:N0} units"));

        clock.Restart();
        var programYear = services.GetRequiredService<RefundDecisions>().ScopeAt(decisionDate, 0).ProgramYear;
        var current = new Dictionary<string, hub::ExchangeHub.Server.Refunds.StoredDecision>(StringComparer.Ordinal);
        var cases = new Dictionary<string, hub::ExchangeHub.Server.Refunds.RefundCase>(StringComparer.Ordinal);
        foreach (var chunk in subjects.Chunk(500)) // the run reads them a chunk at a time, under the workflow gate
        {
            foreach (var (k, v) in await store.CurrentDecisionsAsync(programYear, chunk, ct))
            {
                current[k] = v;
            }
            foreach (var (k, v) in await store.CasesAsync(programYear, chunk, ct))
            {
                cases[k] = v;
            }
        }
        phases.Add(new("current decisions + cases", clock.Elapsed, $"{current.Count:N0} decisions, {cases.Count:N0} cases"));

        // The chunks read again; only the deciding and the exception checks are timed.
        var decide = new Stopwatch();
        var check = new Stopwatch();
        long events = 0, jsonBytes = 0, perUnit = 0;
        var decider = new RefundDecider(policy);
        await foreach (var chunk in reader.ReadChunksAsync(asOf, 500, ct))
        {
            decide.Start();
            var (e, b) = Decide(decider, chunk, decisionDate, programYear);
            decide.Stop();
            (events, jsonBytes) = (events + e, jsonBytes + b);
            check.Start();
            perUnit += chunk.Subjects.Sum(uscc => detector.ForUnit(uscc, chunk, decisionDate).Count());
            check.Stop();
        }
        phases.Add(new("decide CPU (facts, policy, facts JSON + SHA-256, explanation, workflow, events serialised)", decide.Elapsed,
            $"{events:N0} events, {jsonBytes / 1048576.0:N0} MiB JSON"));
        phases.Add(new("exceptions per unit (ExceptionDetector.ForUnit)", check.Elapsed, $"{perUnit:N0} exceptions"));

        clock.Restart();
        var rate = await detector.RateMismatchesAsync(asOf, ct);
        phases.Add(new("rate check scan (ExceptionDetector.RateMismatchesAsync)", clock.Elapsed, $"{rate.Count:N0} exceptions"));
        return phases;
    }

    private static async Task<long> AggregateOnlyAsync(HubDatabase db, FactsAsOf asOf, CancellationToken ct)
    {
        await using var connection = await db.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = GroupByBaseline.Sql;
        command.CommandTimeout = 0;
        command.With("@d", asOf.DecisionDate).With("@t", asOf.KnowledgeTimeUnixMs);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            rows++;
        }

        return rows;
    }

    private static (long Events, long JsonBytes) Decide(
        RefundDecider decider, StoredFacts stored, DateOnly decisionDate, int programYear)
    {
        long events = 0, bytes = 0;
        var now = DateTimeOffset.UtcNow;
        var id = 0L;
        foreach (var uscc in stored.Subjects)
        {
            var facts = RefundFactsBuilder.Build(uscc, stored);
            var decision = decider.Decide(facts, decisionDate);
            var factsJson = RefundFactsJson.Serialize(facts);
            bytes += factsJson.Length + CanonicalJson.Sha256(factsJson).Length;
            bytes += JsonSerializer.Serialize(RuleOutcomes.Of(decision.Explanation), EventTypes.Json).Length;
            var step = RefundWorkflow.Decide(null, decision with { ProgramYear = programYear }, ++id, decisionDate, applied: false);
            foreach (var e in RefundEvents.For(step, decision, id, null, "", "profile", now))
            {
                bytes += JsonSerializer.Serialize(e, e.GetType(), EventTypes.Json).Length;
                events++;
            }
        }

        return (events, bytes);
    }
}

/// <summary>One step of a run, timed alone.</summary>
internal sealed record PhaseTime(string Step, TimeSpan Elapsed, string Note);

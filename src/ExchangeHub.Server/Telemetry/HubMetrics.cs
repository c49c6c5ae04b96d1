using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Telemetry;

/// <summary>
/// The hub's one meter (<c>ExchangeHub</c>) and its instruments; features record through the small methods here and
/// never touch an instrument. Every label comes from a closed set — feed tables, results, the contract's rejection
/// codes, event types, programmes, outcomes — never a resident id, a person key or a USCC, so the series stay few and
/// the scrape reveals nobody. Counters are added once per batch, not per record (the ingestion bench must not notice).
/// </summary>
public sealed class HubMetrics
{
    /// <summary>Reason labels: the contract's rejection codes; anything else (a bug) is counted as <c>OTHER</c>.</summary>
    private static readonly FrozenSet<string> ReasonCodes = typeof(RejectionCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToFrozenSet(StringComparer.Ordinal);

    private readonly Counter<long> _records;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _publishes;
    private readonly Counter<long> _publishFailures;
    private readonly Histogram<double> _runDuration;
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _writerWait;
    private Func<OutboxBacklog?> _backlog = static () => null;

    public HubMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HubTelemetry.Name);
        _records = meter.CreateCounter<long>("exchangehub.feed.records", "{record}",
            "Records received by feed and result (accepted, duplicate, corrected, rejected); rejected ones by reason code.");
        _batchDuration = meter.CreateHistogram<double>("exchangehub.feed.batch.duration", "s",
            "Time to store one feed batch (its transaction), by feed.", advice: Seconds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10));
        _publishes = meter.CreateCounter<long>("exchangehub.outbox.publishes", "{event}",
            "Events the broker confirmed, by event type.");
        _publishFailures = meter.CreateCounter<long>("exchangehub.outbox.publish.failures", "{event}",
            "Publish attempts that failed (broker away, timeout, unpublishable row), by event type.");
        _runDuration = meter.CreateHistogram<double>("exchangehub.reconciliation.run.duration", "s",
            "Decision runs by programme (refund: reconciliation runs, status followup for follow-up rounds; skill_subsidy: "
            + "DecideSkillSubsidies calls) and status (completed, failed, followup): how long each took.",
            advice: Seconds(0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800));
        _decisions = meter.CreateCounter<long>("exchangehub.reconciliation.decisions", "{decision}",
            "Subjects decided (refund units, skill subsidies, benefit claims), by programme and outcome (unchanged: the stored decision stood).");
        _writerWait = meter.CreateHistogram<double>("exchangehub.storage.writer.wait", "s",
            "Time to acquire the writer lease (SQLite: the one writer connection; PostgreSQL: a pooled connection), by provider.",
            advice: Seconds(0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5));
        meter.CreateObservableGauge("exchangehub.outbox.unsent", () => Observe(b => b.Unsent), "{event}",
            "Outbox rows not yet confirmed by the broker (parked ones included; released ones not).");
        meter.CreateObservableGauge("exchangehub.outbox.oldest.unsent.age", () => Observe(b => b.OldestUnsentAgeSeconds), "s",
            "Age of the oldest unsent row the relay should be publishing (0 when drained).");
        meter.CreateObservableGauge("exchangehub.outbox.parked", () => Observe(b => b.Parked), "{event}",
            "Parked outbox rows waiting for an operator (exchangehub outbox parked).");
    }

    /// <summary>Where the outbox gauges read from (the outbox registers a cached reader; until then they report nothing).</summary>
    public void ObserveOutbox(Func<OutboxBacklog?> backlog) => _backlog = backlog;

    /// <summary>One stored batch of <paramref name="feed"/> (a feed table name): its counts and how long storing it took.</summary>
    public void FeedBatch(string feed, long accepted, long duplicate, long corrected, IEnumerable<string> rejectedReasons, TimeSpan stored)
    {
        var feedTag = new KeyValuePair<string, object?>("feed", feed);
        Add(feedTag, "accepted", accepted);
        Add(feedTag, "duplicate", duplicate);
        Add(feedTag, "corrected", corrected);
        foreach (var group in rejectedReasons.GroupBy(r => ReasonCodes.Contains(r) ? r : "OTHER", StringComparer.Ordinal))
        {
            _records.Add(group.LongCount(), feedTag, new("result", "rejected"), new("reason", group.Key));
        }
        _batchDuration.Record(stored.TotalSeconds, feedTag);
    }

    public void Published(string eventType) => _publishes.Add(1, new KeyValuePair<string, object?>("event_type", eventType));

    public void PublishFailed(string eventType) => _publishFailures.Add(1, new KeyValuePair<string, object?>("event_type", eventType));

    /// <summary>The outcome label of a decision that stood (facts and policy unchanged).</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The outcome label of a programme's outcome: its name in lower case, one mapping for every programme.</summary>
    public static string OutcomeLabel<TOutcome>(TOutcome outcome) where TOutcome : struct, Enum =>
        outcome.ToString().ToLowerInvariant();

    /// <summary>The outcome label of a stored outcome code (GRANTED → granted), where the contract's names differ from the policy's.</summary>
    public static string OutcomeLabel(string storedCode) => storedCode.ToLowerInvariant();

    /// <summary>One decision taken outside a run (a benefit claim, decided per call), counted as a run's decisions are.</summary>
    public void Decided(string programme, string outcome) =>
        _decisions.Add(1, new KeyValuePair<string, object?>("programme", programme), new("outcome", outcome));

    /// <summary>A finished run: its duration by status, and its units by outcome (<paramref name="outcomes"/>: outcome → units).</summary>
    public void Run(string programme, string status, TimeSpan duration, IEnumerable<KeyValuePair<string, int>> outcomes)
    {
        var programmeTag = new KeyValuePair<string, object?>("programme", programme);
        _runDuration.Record(duration.TotalSeconds, programmeTag, new("status", status));
        foreach (var (outcome, units) in outcomes)
        {
            if (units > 0)
            {
                _decisions.Add(units, programmeTag, new("outcome", outcome));
            }
        }
    }

    public void WriterWait(string provider, long startedTimestamp) =>
        _writerWait.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("provider", provider));

    private void Add(KeyValuePair<string, object?> feed, string result, long count)
    {
        if (count > 0)
        {
            _records.Add(count, feed, new("result", result));
        }
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<OutboxBacklog, T> value) where T : struct =>
        _backlog() is { } backlog ? [new Measurement<T>(value(backlog))] : [];

    private static InstrumentAdvice<double> Seconds(params double[] bounds) => new() { HistogramBucketBoundaries = bounds };
}

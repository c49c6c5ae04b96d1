using ExchangeHub.Benchmarks.Reconcile;
using ExchangeHub.V1;

namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>
/// The results of one <c>reconcile</c> run (also written as JSON): the data set of issue 4 (10,000 units) and the
/// data set of issue 11, item 7 (the same lines over 100,000 units; null when skipped or failed, see
/// <see cref="LargeError"/>), each in a hub process of its own against its own sqlite3 GROUP BY.
/// </summary>
internal sealed record ReconcileReport(
    DateTimeOffset StartedAt,
    double Minutes,
    ReconcileDataSetReport Standard,
    ReconcileDataSetReport? Large,
    string? LargeError,
    MachineInfo Machine);

/// <summary>
/// One data set: its pushes, the timed run, the baseline and the hub's memory during the run. The ratio goal applies
/// to the 10,000-unit data set only (null on the other); the peak RSS goal to both.
/// </summary>
internal sealed record ReconcileDataSetReport(
    DateTimeOffset StartedAt,
    double WallSeconds,
    long Lines,
    int Units,
    int Persons,
    long Settlements,
    int UnitsWithArrears,
    int UnitsWithDeferral,
    string DecisionDate,
    bool FreshHubForRun,
    ReconcilePushes Pushes,
    double HubSeconds,
    ReconcilePhases HubPhasesSeenByClient,
    ReconcileRunSummary Run,
    ReconcileMemory Memory,
    double Sqlite3ColdSeconds,
    double Sqlite3Seconds,
    long Sqlite3Groups,
    string Sqlite3Command,
    string Sql,
    double Ratio,
    double? RatioGoal,
    bool? RatioPass,
    IReadOnlyList<ReconcileProfileStep>? Profile,
    ChunkIndexResult? ChunkIndex,
    ReconcileWhatIf? WhatIf = null);

/// <summary>Issue 14 item 2: the what-if over the same units right after the run, and its time over the run's.</summary>
internal sealed record ReconcileWhatIf(double Seconds, int Subjects, int ChangedSubjects, double RatioToRun, double RatioGoal, bool RatioPass);

/// <summary>
/// The per-chunk alternative to the run's ordered single pass (<see cref="ChunkIndexVariant"/>): building an index on
/// the lines' USCC, and the month aggregate queried once per chunk of units through it.
/// </summary>
internal sealed record ChunkIndexResult(
    double IndexBuildSeconds,
    double IndexMiB,
    int Chunks,
    int UnitsPerChunk,
    double PerChunkQueriesSeconds,
    bool PlanUsesIndex);

/// <summary>
/// The hub's memory around the run. <see cref="PeakDuringRunMiB"/> is the run's own peak: the kernel's VmHWM after
/// it was reset to the current RSS when the pushes ended (<c>clear_refs</c>), and never below the highest VmRSS
/// sampled during the run; when the kernel refuses the reset, the sampled peak alone (<see cref="Method"/> says which).
/// <see cref="RssAtRunStartMiB"/> is what the process already held from the pushes when the run began.
/// </summary>
internal sealed record ReconcileMemory(
    double PeakDuringRunMiB,
    double PeakRssGoalMiB,
    bool PeakRssPass,
    string Method,
    double RssAtRunStartMiB,
    double SampledPeakDuringRunMiB,
    int RssSamples,
    double RssSampleIntervalMs,
    double PeakSinceHubStartMiB);

/// <summary>The untimed pushes that fill the hub before the run.</summary>
internal sealed record ReconcilePushes(double UnitsSeconds, double LinesSeconds, double SettlementsSeconds, int BatchSize);

/// <summary>
/// The run split by its progress messages: facts read until the first (done 0), units decided and committed until
/// the last (done = total), then rate check, exceptions and completion until the final message.
/// </summary>
internal sealed record ReconcilePhases(double? FactsReadSeconds, double? UnitsSeconds, double? FinishSeconds, int ProgressMessages)
{
    public static ReconcilePhases Of(ReconcileTiming t) => new(
        Round(t.FactsRead),
        t.UnitsDone is { } done && t.FactsRead is { } read ? Round(done - read) : null,
        t.UnitsDone is { } last ? Round(t.Elapsed - last) : null,
        t.Progress.Count);

    private static double? Round(TimeSpan? value) => value is { } v ? Math.Round(v.TotalSeconds, 3) : null;
}

/// <summary>The run as the hub reported it in the final message.</summary>
internal sealed record ReconcileRunSummary(
    string RunId,
    string Status,
    int Units,
    int Decided,
    int Unchanged,
    int Eligible,
    int Ineligible,
    int Held,
    int Undetermined,
    int Exceptions,
    long AmountFen,
    string Policy)
{
    public static ReconcileRunSummary Of(ReconciliationRun r) => new(
        r.RunId, EnumNames.Suffix(r.Status), r.Units, r.Decided, r.Unchanged, r.Eligible, r.Ineligible, r.Held, r.Undetermined, r.Exceptions, r.OfferedAmountFen, $"{r.PolicyId} {r.PolicyVersion}");
}

/// <summary>One step timed alone by <c>--profile</c>.</summary>
internal sealed record ReconcileProfileStep(string Step, double Seconds, string Note);

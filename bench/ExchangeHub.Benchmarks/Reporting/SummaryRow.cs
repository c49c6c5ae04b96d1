namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>One line of the final table of <c>all</c>: a measure, the hub's figure, the baseline's, their ratio and the goal.</summary>
internal sealed record SummaryRow(string Measure, string Hub, string Baseline, string Ratio, string Goal, string Verdict);

/// <summary>The results of one <c>all</c> run (also written as JSON): the final table and each part's report.</summary>
internal sealed record SummaryReport(
    DateTimeOffset StartedAt,
    double Minutes,
    IReadOnlyList<SummaryRow> Table,
    IReadOnlyList<string> Notes,
    string LoadAverageAtStart,
    string LoadAverageAtEnd,
    MachineInfo Machine,
    IngestReport? Ingest,
    ReconcileReport? Reconcile,
    RelayReport? Relay,
    PostgresReport? Postgres,
    GrowthReport? Growth);

namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>The results of one <c>ingest</c> run (also written as JSON).</summary>
internal sealed record IngestReport(
    DateTimeOffset StartedAt,
    long Lines,
    int Units,
    int Persons,
    int BatchSize,
    long Batches,
    double HubSeconds,
    double HubRowsPerSecond,
    double HubPeakRssMiB,
    long Accepted,
    long Duplicate,
    long Corrected,
    long Rejected,
    double Sqlite3Seconds,
    double Sqlite3RowsPerSecond,
    double Ratio,
    double RatioGoal,
    bool RatioPass,
    double PeakRssGoalMiB,
    bool PeakRssPass,
    long CsvBytes,
    long BaselineRowsDifferingFromHub,
    IReadOnlyList<ColumnMapping> Columns,
    RetryReport Retry,
    MachineInfo Machine);

/// <summary>How the baseline filled one column of the hub's table.</summary>
internal sealed record ColumnMapping(string Name, string Type, string Source);

namespace ExchangeHub.Benchmarks.Baseline;

/// <summary>The sqlite3 .import run, and how its table compares with the hub's.</summary>
internal sealed record BaselineResult(
    TimeSpan Elapsed,
    long Rows,
    long CsvBytes,
    long DifferingRows,
    IReadOnlyList<string> ComparedColumns);

namespace ExchangeHub.Benchmarks;

/// <summary>
/// Options of the <c>all</c> command: <c>--lines N</c> for the ingest, reconcile and postgres parts (default
/// 2,400,000), <c>--units-large N</c> for reconcile's second data set (default 100,000; 0 skips it), <c>--growth-lines N</c> for the growth part (default 12,000,000; 0 skips it), <c>--events N</c> for
/// the relay (default 100,000), <c>--out PATH</c> for the summary JSON (default artifacts/bench/all.json).
/// </summary>
internal sealed record AllOptions(
    IngestOptions Ingest,
    ReconcileOptions Reconcile,
    RelayOptions Relay,
    PostgresOptions Postgres,
    GrowthOptions? Growth,
    string OutputPath)
{
    public static AllOptions Parse(ReadOnlySpan<string> args)
    {
        string[] lines = [], events = [], unitsLarge = [];
        string[]? growth = [];
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next(ReadOnlySpan<string> a, ref int j) =>
                j + 1 < a.Length ? a[++j] : throw new BenchmarkException($"all: option '{a[j]}' needs a value.");
            switch (args[i])
            {
                case "--lines": lines = ["--lines", Next(args, ref i)]; break;
                case "--growth-lines":
                    var g = Next(args, ref i);
                    growth = g is "0" ? null : ["--lines", g];
                    break;
                case "--units-large": unitsLarge = ["--units-large", Next(args, ref i)]; break;
                case "--events": events = ["--events", Next(args, ref i)]; break;
                case "--out": output = Next(args, ref i); break;
                default: throw new BenchmarkException($"all: unknown option '{args[i]}' (see --help).");
            }
        }

        return new AllOptions(
            IngestOptions.Parse(lines),
            ReconcileOptions.Parse([.. lines, .. unitsLarge]),
            RelayOptions.Parse(events),
            PostgresOptions.Parse(lines),
            growth is null ? null : GrowthOptions.Parse(growth),
            Path.GetFullPath(output ?? Path.Combine(RepoLocator.FindRoot(), "artifacts/bench/all.json")));
    }
}

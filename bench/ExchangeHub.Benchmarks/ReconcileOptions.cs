using System.Globalization;
using ExchangeHub.Benchmarks.Data;

namespace ExchangeHub.Benchmarks;

/// <summary>
/// Options of the <c>reconcile</c> command. <see cref="UnitsLarge"/> is the second data set of issue 11, item 7: the
/// same lines and persons spread over that many units (0: not run). <see cref="FreshHubForRun"/>: the timed run in a
/// hub started anew after the pushes (its memory then is the run's alone, without what ingestion left in the process).
/// </summary>
internal sealed record ReconcileOptions(
    int Lines,
    int Units,
    int Persons,
    int UnitsLarge,
    string DecisionDate,
    string RepoRoot,
    string HubDll,
    string OutputPath,
    bool Profile,
    string? TracePath,
    bool FreshHubForRun,
    bool KeepFiles)
{
    public const int DefaultLines = 2_400_000;
    public const int DefaultUnits = 10_000;
    public const int DefaultPersons = 200_000;
    public const int DefaultUnitsLarge = 100_000;
    public const int BatchSize = 5_000;
    public const string DefaultDecisionDate = "2024-06-30";

    public static ReconcileOptions Parse(ReadOnlySpan<string> args)
    {
        int? lines = null, units = null, persons = null, unitsLarge = null;
        string? hubDll = null, output = null, trace = null;
        var decisionDate = DefaultDecisionDate;
        bool profile = false, fresh = false, keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines": lines = ParseCount(args, ref i); break;
                case "--units": units = ParseCount(args, ref i); break;
                case "--persons": persons = ParseCount(args, ref i); break;
                case "--units-large": unitsLarge = ParseCount(args, ref i, allowZero: true); break;
                case "--decision-date": decisionDate = Value(args, ref i); break;
                case "--hub-dll": hubDll = Value(args, ref i); break;
                case "--out": output = Value(args, ref i); break;
                case "--profile": profile = true; break;
                case "--trace": trace = Value(args, ref i); break;
                case "--fresh-hub-for-run": fresh = true; break;
                case "--keep-files": keep = true; break;
                default: throw new BenchmarkException($"reconcile: unknown option '{args[i]}' (see --help).");
            }
        }

        // Same defaults and derivations as ingest: 12 months of lines per person, 20 persons per unit.
        var p = persons ?? (lines is { } l ? (l + ContributionDataset.Months - 1) / ContributionDataset.Months : DefaultPersons);
        var n = lines ?? (persons is not null ? checked(p * ContributionDataset.Months) : DefaultLines);
        var u = units ?? (lines is null && persons is null ? DefaultUnits : Math.Max(1, p / 20));
        if ((long)p * ContributionDataset.Months < n)
        {
            throw new BenchmarkException(
                $"reconcile: {n:N0} lines need at least {(n + 11) / 12:N0} persons ({ContributionDataset.Months} months each); got {p:N0}.");
        }

        if (!DateOnly.TryParseExact(decisionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new BenchmarkException($"reconcile: --decision-date needs YYYY-MM-DD, got '{decisionDate}'.");
        }

        var root = RepoLocator.FindRoot();
        return new ReconcileOptions(
            n,
            u,
            p,
            unitsLarge ?? DefaultUnitsLarge,
            decisionDate,
            root,
            Path.GetFullPath(hubDll ?? Path.Combine(root, "src/ExchangeHub.Server/bin/Release/net10.0/ExchangeHub.Server.dll")),
            Path.GetFullPath(output ?? Path.Combine(root, "artifacts/bench/reconcile.json")),
            profile,
            trace is null ? null : Path.GetFullPath(trace),
            fresh,
            keep);
    }

    private static string Value(ReadOnlySpan<string> args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new BenchmarkException($"reconcile: option '{args[i]}' needs a value.");
        }

        return args[++i];
    }

    private static int ParseCount(ReadOnlySpan<string> args, ref int i, bool allowZero = false)
    {
        var name = args[i];
        var text = Value(args, ref i).Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < (allowZero ? 0 : 1))
        {
            throw new BenchmarkException($"reconcile: {name} needs a {(allowZero ? "" : "positive ")}whole number, got '{args[i]}'.");
        }

        return value;
    }
}

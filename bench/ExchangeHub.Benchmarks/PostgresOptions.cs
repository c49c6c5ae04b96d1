using System.Globalization;
using ExchangeHub.Benchmarks.Data;
using ExchangeHub.Benchmarks.Postgres;

namespace ExchangeHub.Benchmarks;

/// <summary>Options of the <c>postgres</c> command.</summary>
internal sealed record PostgresOptions(
    int Lines,
    int Units,
    int Persons,
    int BatchSize,
    string DecisionDate,
    string AdminConnectionString,
    string HubDll,
    string OutputPath,
    bool KeepFiles)
{
    public static PostgresOptions Parse(ReadOnlySpan<string> args)
    {
        int? lines = null, units = null, persons = null;
        var batch = IngestOptions.DefaultBatch;
        string? hubDll = null, output = null;
        var postgres = PostgresServer.FromEnvironment();
        var decisionDate = ReconcileOptions.DefaultDecisionDate;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines": lines = Count(args, ref i); break;
                case "--units": units = Count(args, ref i); break;
                case "--persons": persons = Count(args, ref i); break;
                case "--batch": batch = Count(args, ref i); break;
                case "--decision-date": decisionDate = Value(args, ref i); break;
                case "--postgres": postgres = Value(args, ref i); break;
                case "--hub-dll": hubDll = Value(args, ref i); break;
                case "--out": output = Value(args, ref i); break;
                case "--keep-files": keep = true; break;
                default: throw new BenchmarkException($"postgres: unknown option '{args[i]}' (see --help).");
            }
        }

        // Same defaults and derivations as ingest and reconcile: 12 months of lines per person, 20 persons per unit.
        var p = persons ?? (lines is { } l ? (l + ContributionDataset.Months - 1) / ContributionDataset.Months : IngestOptions.DefaultPersons);
        var n = lines ?? (persons is not null ? checked(p * ContributionDataset.Months) : IngestOptions.DefaultLines);
        var u = units ?? (lines is null && persons is null ? IngestOptions.DefaultUnits : Math.Max(1, p / 20));
        if ((long)p * ContributionDataset.Months < n)
        {
            throw new BenchmarkException($"postgres: {n:N0} lines need at least {(n + 11) / 12:N0} persons; got {p:N0}.");
        }

        if (batch > IngestOptions.MaxBatch)
        {
            throw new BenchmarkException($"postgres: --batch is at most {IngestOptions.MaxBatch:N0} lines per message.");
        }

        if (!DateOnly.TryParseExact(decisionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new BenchmarkException($"postgres: --decision-date needs YYYY-MM-DD, got '{decisionDate}'.");
        }

        var root = RepoLocator.FindRoot();
        return new PostgresOptions(n, u, p, batch, decisionDate, postgres,
            Path.GetFullPath(hubDll ?? Path.Combine(root, "src/ExchangeHub.Server/bin/Release/net10.0/ExchangeHub.Server.dll")),
            Path.GetFullPath(output ?? Path.Combine(root, "artifacts/bench/postgres.json")),
            keep);
    }

    private static string Value(ReadOnlySpan<string> args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new BenchmarkException($"postgres: option '{args[i]}' needs a value.");

    private static int Count(ReadOnlySpan<string> args, ref int i)
    {
        var name = args[i];
        var text = Value(args, ref i).Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BenchmarkException($"postgres: {name} needs a positive whole number, got '{args[i]}'.");
    }
}

using System.Globalization;
using ExchangeHub.Benchmarks.Data;

namespace ExchangeHub.Benchmarks;

/// <summary>Options of the <c>ingest</c> command.</summary>
internal sealed record IngestOptions(
    int Lines,
    int Units,
    int Persons,
    int BatchSize,
    string RepoRoot,
    string HubDll,
    string OutputPath,
    bool KeepFiles)
{
    public const int DefaultLines = 2_400_000;
    public const int DefaultUnits = 10_000;
    public const int DefaultPersons = 200_000;
    public const int DefaultBatch = 5_000;
    public const int MaxBatch = 10_000;

    public static IngestOptions Parse(ReadOnlySpan<string> args)
    {
        int? lines = null, units = null, persons = null;
        var batch = DefaultBatch;
        string? hubDll = null, output = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines": lines = ParseCount(args, ref i); break;
                case "--units": units = ParseCount(args, ref i); break;
                case "--persons": persons = ParseCount(args, ref i); break;
                case "--batch": batch = ParseCount(args, ref i); break;
                case "--hub-dll": hubDll = Value(args, ref i); break;
                case "--out": output = Value(args, ref i); break;
                case "--keep-files": keep = true; break;
                default: throw new BenchmarkException($"ingest: unknown option '{args[i]}' (see --help).");
            }
        }

        var p = persons ?? (lines is { } l ? (l + ContributionDataset.Months - 1) / ContributionDataset.Months : DefaultPersons);
        var n = lines ?? (persons is not null ? checked(p * ContributionDataset.Months) : DefaultLines);
        var u = units ?? (lines is null && persons is null ? DefaultUnits : Math.Max(1, p / 20));
        if ((long)p * ContributionDataset.Months < n)
        {
            throw new BenchmarkException(
                $"ingest: {n:N0} lines need at least {(n + 11) / 12:N0} persons ({ContributionDataset.Months} months each); got {p:N0}.");
        }

        if (batch > MaxBatch)
        {
            throw new BenchmarkException($"ingest: --batch is at most {MaxBatch:N0} lines per message.");
        }

        var root = RepoLocator.FindRoot();
        return new IngestOptions(
            n,
            u,
            p,
            batch,
            root,
            Path.GetFullPath(hubDll ?? Path.Combine(root, "src/ExchangeHub.Server/bin/Release/net10.0/ExchangeHub.Server.dll")),
            Path.GetFullPath(output ?? Path.Combine(root, "artifacts/bench/ingest.json")),
            keep);
    }

    private static string Value(ReadOnlySpan<string> args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new BenchmarkException($"ingest: option '{args[i]}' needs a value.");
        }

        return args[++i];
    }

    private static int ParseCount(ReadOnlySpan<string> args, ref int i)
    {
        var name = args[i];
        var text = Value(args, ref i).Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new BenchmarkException($"ingest: {name} needs a positive whole number, got '{args[i]}'.");
        }

        return value;
    }
}

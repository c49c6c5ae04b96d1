using System.Globalization;
using ExchangeHub.Benchmarks.Data;

namespace ExchangeHub.Benchmarks;

/// <summary>Options of the <c>growth</c> command.</summary>
internal sealed record GrowthOptions(int Lines, int Slices, int Units, int Persons, int BatchSize, string HubDll, string OutputPath, bool KeepFiles)
{
    /// <summary>The Corps' yearly volume of contribution lines (issue 6, item 3).</summary>
    public const int DefaultLines = 12_000_000;
    public const int DefaultSlices = 5;

    public static GrowthOptions Parse(ReadOnlySpan<string> args)
    {
        var lines = DefaultLines;
        var slices = DefaultSlices;
        var batch = IngestOptions.DefaultBatch;
        string? hubDll = null, output = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines" or "--growth-lines": lines = Count(args, ref i); break;
                case "--slices": slices = Count(args, ref i); break;
                case "--batch": batch = Count(args, ref i); break;
                case "--hub-dll": hubDll = Value(args, ref i); break;
                case "--out": output = Value(args, ref i); break;
                case "--keep-files": keep = true; break;
                default: throw new BenchmarkException($"growth: unknown option '{args[i]}' (see --help).");
            }
        }

        if (slices < 2 || lines < slices)
        {
            throw new BenchmarkException("growth: needs at least 2 slices and one line per slice.");
        }

        if (batch > IngestOptions.MaxBatch)
        {
            throw new BenchmarkException($"growth: --batch is at most {IngestOptions.MaxBatch:N0} lines per message.");
        }

        // 12 months per person, 20 persons per unit, as the other benchmarks: 12 million lines are 1,000,000 persons.
        var persons = (lines + ContributionDataset.Months - 1) / ContributionDataset.Months;
        var root = RepoLocator.FindRoot();
        return new GrowthOptions(lines, slices, Math.Max(1, persons / 20), persons, batch,
            Path.GetFullPath(hubDll ?? Path.Combine(root, "src/ExchangeHub.Server/bin/Release/net10.0/ExchangeHub.Server.dll")),
            Path.GetFullPath(output ?? Path.Combine(root, "artifacts/bench/growth.json")),
            keep);
    }

    private static string Value(ReadOnlySpan<string> args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new BenchmarkException($"growth: option '{args[i]}' needs a value.");

    private static int Count(ReadOnlySpan<string> args, ref int i)
    {
        var name = args[i];
        var text = Value(args, ref i).Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BenchmarkException($"growth: {name} needs a positive whole number, got '{args[i]}'.");
    }
}

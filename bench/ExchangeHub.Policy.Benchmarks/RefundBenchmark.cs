using BenchmarkDotNet.Attributes;
using ExchangeHub.Policy.Loading;
using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Policy.Benchmarks;

/// <summary>Deciding 100,000 units from in-memory facts, one thread, with full explanations.</summary>
[MemoryDiagnoser]
public class RefundBenchmark
{
    public const int Units = 100_000;
    private static readonly DateOnly DecisionDate = new(2024, 6, 3);

    private RefundDecider _decider = null!;
    private RefundFacts[] _units = [];

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(RefundBenchmark).Assembly.GetManifestResourceStream("xpcc-2024.json")
            ?? throw new InvalidOperationException("policy file not embedded");
        _decider = new RefundDecider(PolicyLoader.Load(stream));
        _units = SyntheticUnits.Generate(Units);
    }

    [Benchmark(OperationsPerInvoke = 1)]
    public long Decide100000Units()
    {
        long total = 0;
        foreach (var unit in _units)
        {
            total += _decider.Decide(unit, DecisionDate).AmountFen;
        }

        return total;
    }
}

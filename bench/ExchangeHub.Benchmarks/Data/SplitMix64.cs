namespace ExchangeHub.Benchmarks.Data;

/// <summary>A tiny deterministic generator (SplitMix64): the same seed gives the same data on every runtime.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, bound).</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);
}

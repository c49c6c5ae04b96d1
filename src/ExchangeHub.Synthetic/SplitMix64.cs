namespace ExchangeHub.Synthetic;

/// <summary>
/// SplitMix64: a tiny generator whose output depends only on the seed, on every runtime and platform. Integer
/// arithmetic only: no floating point, so no libm differences between machines.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Finish(_state);
    }

    /// <summary>A value in [0, bound).</summary>
    public int Below(int bound) => bound <= 0
        ? throw new ArgumentOutOfRangeException(nameof(bound), "bound must be positive")
        : (int)(Next() % (ulong)bound);

    /// <summary>A value in [0, bound) for large bounds.</summary>
    public long NextBelow(long bound) => bound <= 0
        ? throw new ArgumentOutOfRangeException(nameof(bound), "bound must be positive")
        : (long)(Next() % (ulong)bound);

    /// <summary>A value in [min, max].</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>True with probability perMille / 1000.</summary>
    public bool Chance(int perMille) => Below(1000) < perMille;

    /// <summary>
    /// A stateless hash of the seed and two keys: lets any record be derived on its own (a person's certificates,
    /// a line's correction) without replaying a sequence, so every stream can be enumerated again in any order.
    /// </summary>
    public static ulong Hash(ulong seed, ulong stream, ulong key) =>
        Finish(seed ^ Finish(stream * 0xD6E8FEB86659FD93UL + key + 0x9E3779B97F4A7C15UL));

    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

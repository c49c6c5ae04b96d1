using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>
/// An industry of the 2017 size-class standard (统计上大中小微型企业划分办法, POLICY.md 2.(1)) with the lower bounds of
/// its large / medium / small rows: employees, revenue and assets (10,000 yuan). Absent bounds are null.
/// </summary>
internal sealed record IndustryProfile(string Code, int[]? Employees, int[]? Revenue, int[]? Assets)
{
    private const long FenPer10kYuan = 1_000_000;

    public static readonly IndustryProfile[] All =
    [
        new("C13", [1000, 300, 20], [40000, 2000, 300], null),
        new("C18", [1000, 300, 20], [40000, 2000, 300], null),
        new("F52", [300, 50, 10], [20000, 500, 100], null),
        new("F51", [200, 20, 5], [40000, 5000, 1000], null),
        new("H62", [300, 100, 10], [10000, 2000, 100], null),
        new("I65", [300, 100, 10], [10000, 1000, 50], null),
        new("G54", [1000, 300, 20], [30000, 3000, 200], null),
        new("A01", null, [20000, 500, 50], null),
        new("E47", null, [80000, 6000, 300], [80000, 5000, 300]),
        new("M73", [300, 100, 10], null, null),
        new("Q84", [300, 100, 10], null, null),
    ];

    /// <summary>
    /// Figures for a unit of <paramref name="size"/>: each indicator a little around the lower bound of its row, so
    /// that some units sit just below it (the reconciliation reports those as SIZE_CLASS_MISMATCH).
    /// </summary>
    public (long Employees, long RevenueFen, long? AssetsFen) Figures(SizeClass size, SplitMix64 rng)
    {
        var employees = Employees is null ? rng.Between(3, 400) : Near(Employees, size, rng);
        var revenue = (Revenue is null ? rng.Between(50, 5000) : Near(Revenue, size, rng)) * FenPer10kYuan;
        long? assets = Assets is null ? null : Near(Assets, size, rng) * FenPer10kYuan;
        return (employees, revenue, assets);
    }

    private static long Near(int[] bounds, SizeClass size, SplitMix64 rng)
    {
        var row = size switch
        {
            SizeClass.Large => 0,
            SizeClass.Medium => 1,
            SizeClass.Small => 2,
            _ => 3,
        };
        if (row == 3)
        {
            // Micro: below the small bound, often close to it.
            var small = bounds[2];
            return Math.Max(1, small - 1 - rng.Below(Math.Max(1, small / 2)));
        }
        // 97% to 130% of the bound: about one unit in ten just below it.
        return Math.Max(1, (long)bounds[row] * rng.Between(97, 130) / 100);
    }
}

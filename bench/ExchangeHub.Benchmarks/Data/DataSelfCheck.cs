using ExchangeHub.Synthetic.Identifiers;

namespace ExchangeHub.Benchmarks.Data;

/// <summary>Cheap checks that the generator makes what the hub must accept, before a long run starts.</summary>
internal static class DataSelfCheck
{
    public static void Run(ContributionDataset data)
    {
        Require(Gb32100.IsValid("91350100M000100Y43"), "GB 32100 check of the reference USCC");
        Require(Gb11643.IsValid("11010519491231002X") && Gb11643.IsValid("360426199101010071"), "GB 11643 check of the reference ids");
        Require(Gb11714.CheckCharacter("M000100Y") == '4', "GB 11714 check of the reference organisation code");

        var step = Math.Max(1, data.Lines / 997);
        for (long n = 1; n <= data.Lines; n += step)
        {
            var r = data.Get(n);
            Require(Gb32100.IsValid(r.Uscc), $"line {n}: USCC {r.Uscc}");
            Require(Gb11714.CheckCharacter(r.Uscc.AsSpan(8, 8)) == r.Uscc[16], $"line {n}: organisation code of {r.Uscc}");
            Require(Gb11643.IsValid(r.ResidentId), $"line {n}: resident id");
            var birthYear = int.Parse(r.ResidentId.AsSpan(6, 4), System.Globalization.CultureInfo.InvariantCulture);
            Require(birthYear is >= 1960 and <= 2004, $"line {n}: birth year {birthYear}");
            Require(r.WageBaseFen is >= 300_000 and <= 1_500_000, $"line {n}: wage base {r.WageBaseFen}");
            Require(r.EmployerAmountFen == ContributionDataset.HalfPercentHalfUp(r.WageBaseFen), $"line {n}: premium");
        }

        if (data.Persons >= data.Units)
        {
            var empty = data.PersonsPerUnit().Count(c => c == 0);
            Require(empty == 0, $"{empty:N0} units insure nobody");
        }

        Require(ContributionDataset.HalfPercentHalfUp(300_100) == 1_501, "half-up rounding of 1500.5");
        Require(ContributionDataset.HalfPercentHalfUp(300_099) == 1_500, "rounding of 1500.495");
    }

    private static void Require(bool ok, string what)
    {
        if (!ok)
        {
            throw new BenchmarkException($"generated data self-check failed: {what}");
        }
    }
}

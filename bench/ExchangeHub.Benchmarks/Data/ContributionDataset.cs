using System.Globalization;
using ExchangeHub.Synthetic.Identifiers;

namespace ExchangeHub.Benchmarks.Data;

/// <summary>
/// The deterministic data set: units, persons and their monthly lines. Units and persons are held (a few MB);
/// lines are computed on demand, month by month (all persons of 2023-01, then of 2023-02, ...).
/// </summary>
internal sealed class ContributionDataset
{
    public const int Year = 2023;
    public const int Months = 12;
    public const ulong Seed = 0x2023_0001_E4C4_A4B1UL;

    public static readonly string[] Periods = Enumerable.Range(1, Months)
        .Select(m => new DateOnly(Year, m, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();

    public static readonly string[] ReceivedDates = Enumerable.Range(1, Months)
        .Select(m => new DateOnly(Year, m, 1).AddMonths(1).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .ToArray();

    private static readonly string[] AddressCodes = ["659001", "659002", "659003", "659004"];

    private readonly string[] _unitUscc;
    private readonly string[] _unitTaxOffice;
    private readonly string[] _personId;
    private readonly int[] _personUnit;
    private readonly long[] _personWageBase;

    private ContributionDataset(int lines, int units, int persons)
    {
        Lines = lines;
        _unitUscc = new string[units];
        _unitTaxOffice = new string[units];
        _personId = new string[persons];
        _personUnit = new int[persons];
        _personWageBase = new long[persons];
    }

    public int Lines { get; }

    public int Units => _unitUscc.Length;

    public int Persons => _personId.Length;

    /// <summary>The USCC of unit <paramref name="unit"/> (0-based).</summary>
    public string UnitUscc(int unit) => _unitUscc[unit];

    /// <summary>How many persons each unit insures (index: unit).</summary>
    public int[] PersonsPerUnit()
    {
        var counts = new int[Units];
        foreach (var unit in _personUnit)
        {
            counts[unit]++;
        }

        return counts;
    }

    public static ContributionDataset Create(int lines, int units, int persons)
    {
        if ((long)persons * Months < lines)
        {
            throw new ArgumentOutOfRangeException(nameof(lines), "more lines than persons x months");
        }

        var data = new ContributionDataset(lines, units, persons);
        var rng = new SplitMix64(Seed);
        for (var u = 0; u < units; u++)
        {
            var address = AddressCodes[rng.Below(AddressCodes.Length)];
            // 7919 is prime, so the 8-digit organisation bodies of the units are all different.
            var orgBody = ((u * 7919L) + 10_000_003L) % 100_000_000L;
            var org = orgBody.ToString("D8", CultureInfo.InvariantCulture);
            var first17 = string.Concat("91", address, org, Gb11714.CheckCharacter(org).ToString());
            data._unitUscc[u] = first17 + Gb32100.CheckCharacter(first17);
            data._unitTaxOffice[u] = address + "01";
        }

        var first = new DateOnly(1960, 1, 1).DayNumber;
        var last = new DateOnly(2004, 12, 31).DayNumber;
        var seen = new HashSet<string>(persons, StringComparer.Ordinal);
        for (var p = 0; p < persons; p++)
        {
            string id;
            do
            {
                var birth = DateOnly.FromDayNumber(first + rng.Below(last - first + 1));
                id = Gb11643.Create(AddressCodes[rng.Below(AddressCodes.Length)], birth, rng.Below(1000));
            }
            while (!seen.Add(id));

            data._personId[p] = id;
            data._personUnit[p] = rng.Below(units);
            data._personWageBase[p] = 300_000 + rng.Below(1_200_001);
        }

        data.GiveEveryUnitAPerson();
        return data;
    }

    /// <summary>
    /// Every registered unit insures somebody, as in the real feeds: with 100,000 units and 200,000 persons the
    /// random draw leaves about e^-2 = 13.5% of the units with no person, so each such unit takes the first person
    /// (in person order) of a unit that insures more than one. With 20 persons per unit on average (10,000 units)
    /// no unit is empty and the data set is exactly the one drawn, the same as before this step existed.
    /// </summary>
    private void GiveEveryUnitAPerson()
    {
        if (Persons < Units)
        {
            return;
        }

        var counts = PersonsPerUnit();
        var empty = new Queue<int>(Enumerable.Range(0, Units).Where(u => counts[u] == 0));
        for (var p = 0; p < Persons && empty.Count > 0; p++)
        {
            var from = _personUnit[p];
            if (counts[from] > 1)
            {
                var to = empty.Dequeue();
                counts[from]--;
                counts[to]++;
                _personUnit[p] = to;
            }
        }
    }

    /// <summary>Line <paramref name="lineNumber"/> (1-based): month (n-1)/persons, person (n-1)%persons.</summary>
    public ContributionRecord Get(long lineNumber)
    {
        if (lineNumber < 1 || lineNumber > Lines)
        {
            throw new ArgumentOutOfRangeException(nameof(lineNumber));
        }

        var month = (int)((lineNumber - 1) / Persons);
        var person = (int)((lineNumber - 1) % Persons);
        var unit = _personUnit[person];
        var wageBase = _personWageBase[person];
        var premium = HalfPercentHalfUp(wageBase);
        return new ContributionRecord(
            lineNumber, _unitUscc[unit], _personId[person], month, wageBase, premium, premium, _unitTaxOffice[unit]);
    }

    public IEnumerable<ContributionRecord> Enumerate()
    {
        for (long n = 1; n <= Lines; n++)
        {
            yield return Get(n);
        }
    }

    /// <summary>round(base x 0.5%), halves rounded up (amounts are never negative).</summary>
    public static long HalfPercentHalfUp(long wageBaseFen) => ((wageBaseFen * 5) + 500) / 1000;
}

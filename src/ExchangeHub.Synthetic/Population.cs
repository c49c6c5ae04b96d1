using ExchangeHub.Synthetic.Identifiers;
using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>
/// Units and persons of a simulation, built once from the seed (a few MB at the default scale); their records are
/// derived from them on demand. A person works for at most two units in the assessment year: the first from
/// January to <see cref="FirstUntil"/>, the second from <see cref="SecondFrom"/> to December.
/// </summary>
internal sealed class Population
{
    private static readonly string[] OtherAddressCodes = ["110105", "310104", "410102", "510104", "620102", "650102", "320106"];

    private Population(SimulationScale scale, SyntheticUnit[] units, int persons)
    {
        Scale = scale;
        Units = units;
        ResidentIds = new string[persons];
        FirstUnit = new int[persons];
        FirstUntil = new byte[persons];
        SecondUnit = new int[persons];
        SecondFrom = new byte[persons];
        WageBaseFen = new int[persons];
    }

    public SimulationScale Scale { get; }
    public SyntheticUnit[] Units { get; }
    public string[] ResidentIds { get; }

    /// <summary>The unit a person works for in January, or −1 for someone hired during the year.</summary>
    public int[] FirstUnit { get; }

    /// <summary>Last month (1–12) at the first unit; 12 when the person stays.</summary>
    public byte[] FirstUntil { get; }

    /// <summary>The unit a person joins during the year (job change or new hire), or −1.</summary>
    public int[] SecondUnit { get; }

    /// <summary>First month (2–12) at the second unit.</summary>
    public byte[] SecondFrom { get; }

    public int[] WageBaseFen { get; }

    /// <summary>Per unit, bit m−1 set when someone works there in month m: a month without staff has no settlement.</summary>
    public ushort[] StaffedMonths { get; private set; } = [];

    public int Persons => ResidentIds.Length;

    /// <summary>The unit person <paramref name="p"/> works for in <paramref name="month"/>, or −1.</summary>
    public int UnitIn(int p, int month)
    {
        if (FirstUnit[p] >= 0 && month <= FirstUntil[p])
        {
            return FirstUnit[p];
        }
        return SecondUnit[p] >= 0 && month >= SecondFrom[p] ? SecondUnit[p] : -1;
    }

    public bool IsStaffed(int unit, int month) => (StaffedMonths[unit] & (1 << (month - 1))) != 0;

    /// <summary>The unit the person is last seen with in the assessment year.</summary>
    public int LastUnit(int p) => SecondUnit[p] >= 0 ? SecondUnit[p] : FirstUnit[p];

    public static Population Create(SimulationScale scale)
    {
        var rng = new SplitMix64(scale.Seed);
        var weights = new long[scale.Units];
        var units = new SyntheticUnit[scale.Units];
        var organisationOffset = (long)(scale.Seed % 50_000_000UL);
        for (var u = 0; u < units.Length; u++)
        {
            units[u] = UnitFactory.Create(scale, u, organisationOffset, rng);
            // Heavy-tailed sizes: most units employ a handful, a few hundreds.
            weights[u] = rng.Below(100) switch
            {
                < 55 => rng.Between(1, 8),
                < 85 => rng.Between(8, 40),
                < 97 => rng.Between(40, 150),
                _ => rng.Between(150, 600),
            };
        }
        AssignSettlementPlans(units, rng);
        AssignOfficialClasses(units, rng);

        var population = new Population(scale, units, scale.Persons);
        population.CreatePersons(weights, rng);
        population.PlanLayoffs(rng);
        population.CountHeadcounts();
        return population;
    }

    /// <summary>A share of the units, at least one of each kind once there are 20 units or more.</summary>
    private static int Quota(int units, int perMille) => units >= 20 ? Math.Max(1, units * perMille / 1000) : units * perMille / 1000;

    /// <summary>A random order of the units (Fisher–Yates), for handing out plans by quota.</summary>
    private static int[] Shuffled(int count, SplitMix64 rng)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.Below(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static void AssignSettlementPlans(SyntheticUnit[] units, SplitMix64 rng)
    {
        var order = Shuffled(units.Length, rng);
        var next = 0;
        foreach (var (plan, perMille) in new[]
        {
            (SettlementPlan.ArrearsCleared, 30), (SettlementPlan.ArrearsOpen, 20),
            (SettlementPlan.DeferralCleared, 30), (SettlementPlan.DeferralOpen, 20),
        })
        {
            for (var n = Quota(units.Length, perMille); n > 0 && next < order.Length; n--)
            {
                var unit = units[order[next++]];
                unit.SettlementPlan = plan;
                // Never January or December: those months carry the layoff headcounts of 1.(2).
                unit.UnpaidFrom = rng.Between(2, 9);
                unit.UnpaidTo = unit.UnpaidFrom + rng.Below(3);
            }
        }
    }

    private static void AssignOfficialClasses(SyntheticUnit[] units, SplitMix64 rng)
    {
        var order = Shuffled(units.Length, rng);
        for (var i = 0; i < Quota(units.Length, 50); i++)
        {
            var unit = units[order[i]];
            // Half keep the provisional class; the others move one class (多退少补 when the rate changes).
            unit.OfficialSizeClass = rng.Chance(500) ? unit.SizeClass : unit.SizeClass switch
            {
                SizeClass.Large => SizeClass.Medium,
                SizeClass.Medium => SizeClass.Large,
                SizeClass.Small => SizeClass.Medium,
                _ => SizeClass.Small,
            };
        }
    }

    private void CreatePersons(long[] weights, SplitMix64 rng)
    {
        var cumulative = new long[weights.Length];
        long total = 0;
        for (var u = 0; u < weights.Length; u++)
        {
            total += weights[u];
            cumulative[u] = total;
        }
        var birthFirst = new DateOnly(Scale.AssessmentYear - 60, 1, 1).DayNumber;
        var birthLast = new DateOnly(Scale.AssessmentYear - 18, 12, 31).DayNumber;
        var seen = new HashSet<string>(Persons, StringComparer.Ordinal);
        for (var p = 0; p < Persons; p++)
        {
            string id;
            do
            {
                var birth = DateOnly.FromDayNumber(birthFirst + rng.Below(birthLast - birthFirst + 1));
                var addresses = rng.Chance(800) ? UnitFactory.XpccAddressCodes : OtherAddressCodes;
                id = Gb11643.Create(addresses[rng.Below(addresses.Length)], birth, rng.Below(1000));
            }
            while (!seen.Add(id));
            ResidentIds[p] = id;
            WageBaseFen[p] = rng.Between(300_000, 1_500_000);
            SecondUnit[p] = -1;
            // Every unit insures at least one person in January; beyond that, 2% are hired during the year.
            if (p >= Units.Length && rng.Chance(20))
            {
                FirstUnit[p] = -1;
                continue;
            }
            FirstUnit[p] = p < Units.Length ? p : UnitAt(cumulative, rng.NextBelow(total));
            FirstUntil[p] = 12;
        }
    }

    private static int UnitAt(long[] cumulative, long draw)
    {
        var index = Array.BinarySearch(cumulative, draw + 1);
        return index >= 0 ? index : ~index;
    }

    /// <summary>
    /// Gives each unit a layoff plan by quota and makes that many of its January staff leave before December: to
    /// unemployment, or to a unit without layoffs (a job change). New hires join units without layoffs too, so
    /// every unit's layoff rate is exactly the one planned.
    /// </summary>
    private void PlanLayoffs(SplitMix64 rng)
    {
        var january = new int[Units.Length];
        foreach (var u in FirstUnit)
        {
            if (u >= 0)
            {
                january[u]++;
            }
        }
        var order = Shuffled(Units.Length, rng);
        var quotas = new[] { (LayoffPlan.AtThreshold, 170), (LayoffPlan.JustAboveThreshold, 170), (LayoffPlan.Heavy, 80) };
        var next = 0;
        foreach (var (plan, perMille) in quotas)
        {
            for (var n = Quota(Units.Length, perMille); n > 0 && next < order.Length; n--)
            {
                Units[order[next++]].LayoffPlan = plan;
            }
        }
        var toLeave = new int[Units.Length];
        for (var u = 0; u < Units.Length; u++)
        {
            var n = january[u];
            var allowed = n <= 30 ? n * 200 / 1000 : n * 55 / 1000;
            toLeave[u] = Units[u].LayoffPlan switch
            {
                LayoffPlan.AtThreshold => allowed,
                LayoffPlan.JustAboveThreshold => allowed + 1,
                LayoffPlan.Heavy => Math.Min(n, allowed + 1 + rng.Below(Math.Max(1, n / 3))),
                _ => 0,
            };
        }
        var growing = Units.Where(x => x.LayoffPlan == LayoffPlan.None && x.RegistrationStatus == RegistrationStatus.Active)
            .Select(x => x.Index).ToArray();
        for (var p = 0; p < Persons; p++)
        {
            var u = FirstUnit[p];
            if (u >= 0 && toLeave[u] > 0)
            {
                toLeave[u]--;
                FirstUntil[p] = (byte)rng.Between(1, 11);
                if (growing.Length > 0 && rng.Chance(500))
                {
                    SecondUnit[p] = growing[rng.Below(growing.Length)];
                    SecondFrom[p] = (byte)(FirstUntil[p] + 1);
                }
            }
            else if (u < 0)
            {
                if (growing.Length == 0)
                {
                    FirstUnit[p] = 0;
                    FirstUntil[p] = 12;
                    continue;
                }
                SecondUnit[p] = growing[rng.Below(growing.Length)];
                SecondFrom[p] = (byte)rng.Between(2, 12);
            }
        }
    }

    private void CountHeadcounts()
    {
        StaffedMonths = new ushort[Units.Length];
        for (var p = 0; p < Persons; p++)
        {
            if (FirstUnit[p] >= 0)
            {
                Units[FirstUnit[p]].JanuaryHeadcount++;
            }
            if (UnitIn(p, 12) is var december and >= 0)
            {
                Units[december].DecemberHeadcount++;
            }
            for (var month = 1; month <= 12; month++)
            {
                if (UnitIn(p, month) is var u and >= 0)
                {
                    StaffedMonths[u] |= (ushort)(1 << (month - 1));
                }
            }
        }
    }
}

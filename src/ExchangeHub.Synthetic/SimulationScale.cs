namespace ExchangeHub.Synthetic;

/// <summary>
/// How much to generate and from which seed. <see cref="ProgrammeYear"/> is the refund programme year Y of 1.(2):
/// contribution lines and settlements cover the assessment year Y−1, late lines, corrections, transfers and
/// certificates are dated in Y. The policy file defines the 2024 programme (assessment year 2023).
/// </summary>
public sealed record SimulationScale(int Units = SimulationScale.DefaultUnits, int Persons = SimulationScale.DefaultPersons,
    int ProgrammeYear = SimulationScale.DefaultProgrammeYear, ulong Seed = SimulationScale.DefaultSeed)
{
    public const int DefaultUnits = 10_000;
    public const int DefaultPersons = 200_000;
    public const int DefaultProgrammeYear = 2024;
    public const ulong DefaultSeed = 20240101;

    /// <summary>The year of the contribution lines and settlements (Y−1).</summary>
    public int AssessmentYear => ProgrammeYear - 1;

    /// <summary>Why this scale cannot be generated, or null. Every date stays on or before <paramref name="today"/>.</summary>
    public string? Problem(DateOnly today)
    {
        if (Units < 1 || Units > 10_000_000)
        {
            return "units must be between 1 and 10,000,000";
        }
        if (Persons < Units || Persons > 50_000_000)
        {
            return "persons must be at least the number of units (every unit insures someone) and at most 50,000,000";
        }
        if (ProgrammeYear < 2001)
        {
            return "the programme year must be 2001 or later (contribution periods start in 1999)";
        }
        return ProgrammeYear >= today.Year
            ? $"the programme year must be a full past year (before {today.Year}): its late lines and certificates are dated up to December"
            : null;
    }
}

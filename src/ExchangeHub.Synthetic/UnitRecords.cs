using System.Globalization;
using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>
/// Market regulation's unit records: every unit on time with the social-insurance system's PROVISIONAL size class;
/// late, revision 2 of the units the XPCC has classified officially (2.(1): OFFICIAL class, 多退少补).
/// </summary>
internal sealed class UnitRecords(Population population, string tag)
{
    public IEnumerable<UnitRecord> Records(SimulationPass pass)
    {
        foreach (var unit in population.Units)
        {
            if (pass == SimulationPass.OnTime)
            {
                yield return Record(unit, 1, unit.SizeClass, SizeClassSource.Provisional);
            }
            else if (unit.OfficialSizeClass is { } official)
            {
                yield return Record(unit, 2, official, SizeClassSource.Official);
            }
        }
    }

    public long Count(SimulationPass pass) => pass == SimulationPass.OnTime
        ? population.Units.Length
        : population.Units.Count(u => u.OfficialSizeClass is not null);

    private UnitRecord Record(SyntheticUnit unit, int revision, SizeClass size, SizeClassSource source)
    {
        var record = new UnitRecord
        {
            SourceRecordId = string.Create(CultureInfo.InvariantCulture, $"{tag}-U{unit.Index}"),
            Revision = revision,
            Uscc = unit.Uscc,
            Name = unit.Name,
            OrganisationType = unit.OrganisationType,
            RegistrationStatus = unit.RegistrationStatus,
            RegisteredDate = Calendar.Format(unit.RegisteredDate),
            StatusDate = unit.StatusDate is { } date ? Calendar.Format(date) : "",
            IndustryCode = unit.IndustryCode,
            SizeClass = size,
            SizeClassSource = source,
            Employees = unit.Employees,
            RevenueFen = unit.RevenueFen,
            LabourDispatch = unit.LabourDispatch,
            DivisionCode = unit.DivisionCode,
        };
        if (unit.TotalAssetsFen is { } assets)
        {
            record.TotalAssetsFen = assets;
        }
        return record;
    }
}

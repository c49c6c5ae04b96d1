using System.Globalization;
using ExchangeHub.Benchmarks.Data;
using ExchangeHub.V1;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// Market regulation's view of the data set: one ACTIVE enterprise per USCC, registered 2010-01-01, industry C1311,
/// SMALL (PROVISIONAL), employees = the persons the data set insures with it, divisions 01..14 in turn.
/// </summary>
internal static class UnitRecords
{
    public const string IndustryCode = "C1311";
    public const string RegisteredDate = "2010-01-01";

    public static IEnumerable<PushUnitsRequest> Batches(ContributionDataset data, int batchSize)
    {
        var employees = data.PersonsPerUnit();
        var request = new PushUnitsRequest();
        for (var u = 0; u < data.Units; u++)
        {
            request.Units.Add(Create(data.UnitUscc(u), u, employees[u]));
            if (request.Units.Count == batchSize)
            {
                yield return request;
                request = new PushUnitsRequest();
            }
        }

        if (request.Units.Count > 0)
        {
            yield return request;
        }
    }

    public static string Division(int unit) => ((unit % 14) + 1).ToString("D2", CultureInfo.InvariantCulture);

    private static UnitRecord Create(string uscc, int unit, int employees) => new()
    {
        SourceRecordId = "U" + unit.ToString(CultureInfo.InvariantCulture),
        Revision = 1,
        Uscc = uscc,
        Name = "Bench enterprise " + unit.ToString(CultureInfo.InvariantCulture),
        OrganisationType = OrganisationType.Enterprise,
        RegistrationStatus = RegistrationStatus.Active,
        RegisteredDate = RegisteredDate,
        IndustryCode = IndustryCode,
        SizeClass = SizeClass.Small,
        SizeClassSource = SizeClassSource.Provisional,
        Employees = employees,
        LabourDispatch = false,
        DivisionCode = Division(unit),
    };
}

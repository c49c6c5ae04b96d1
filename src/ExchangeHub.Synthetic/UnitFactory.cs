using System.Globalization;
using ExchangeHub.Synthetic.Identifiers;
using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>
/// One unit as market regulation registers it: division, legal form, registration, industry and size figures, a
/// valid USCC that depends on the seed. The plans (layoffs, arrears, official class) are handed out afterwards.
/// </summary>
internal static class UnitFactory
{
    /// <summary>Address codes of XPCC cities (659001 Shihezi … 659008 Kokdala).</summary>
    public static readonly string[] XpccAddressCodes = ["659001", "659002", "659003", "659004", "659005", "659006", "659007", "659008"];

    public static SyntheticUnit Create(SimulationScale scale, int u, long organisationOffset, SplitMix64 rng)
    {
        var division = rng.Below(15).ToString("D2", CultureInfo.InvariantCulture);
        var type = rng.Below(1000) switch
        {
            < 820 => OrganisationType.Enterprise,
            < 850 => OrganisationType.SocialOrganisation,
            < 860 => OrganisationType.Foundation,
            < 890 => OrganisationType.SocialServiceOrganisation,
            < 905 => OrganisationType.LawFirm,
            < 920 => OrganisationType.AccountingFirm,
            < 960 => OrganisationType.IndividualBusiness,
            < 980 => OrganisationType.GovernmentBody,
            _ => OrganisationType.PublicInstitution,
        };
        var lastRegistration = new DateOnly(scale.ProgrammeYear - 2, 12, 31).DayNumber;
        var firstRegistration = new DateOnly(1992, 1, 1).DayNumber;
        var registered = DateOnly.FromDayNumber(firstRegistration + rng.Below(lastRegistration - firstRegistration + 1));
        var (status, statusDate) = rng.Below(1000) switch
        {
            < 20 => (RegistrationStatus.Deregistered, (DateOnly?)new DateOnly(scale.ProgrammeYear, 1, 1).AddDays(rng.Below(180))),
            < 30 => (RegistrationStatus.Revoked, new DateOnly(scale.ProgrammeYear, 1, 1).AddDays(rng.Below(180))),
            _ => (RegistrationStatus.Active, null),
        };
        var industry = IndustryProfile.All[rng.Below(IndustryProfile.All.Length)];
        var size = rng.Below(100) switch
        {
            < 3 => SizeClass.Large,
            < 15 => SizeClass.Medium,
            < 50 => SizeClass.Small,
            _ => SizeClass.Micro,
        };
        var (employees, revenue, assets) = industry.Figures(size, rng);
        // 7919 is prime to 10^8: the organisation bodies of one seed's units are all different.
        var body = ((u * 7919L) + organisationOffset + 10_000_000L) % 100_000_000L;
        var kind = type switch
        {
            OrganisationType.GovernmentBody => "11",
            OrganisationType.PublicInstitution => "12",
            OrganisationType.SocialOrganisation => "51",
            OrganisationType.Foundation => "53",
            OrganisationType.SocialServiceOrganisation => "52",
            OrganisationType.LawFirm or OrganisationType.AccountingFirm => "31",
            OrganisationType.IndividualBusiness => "92",
            _ => "91",
        };
        var address = XpccAddressCodes[rng.Below(XpccAddressCodes.Length)];
        return new SyntheticUnit
        {
            Index = u,
            Uscc = Gb32100.Create(kind, address, body.ToString("D8", CultureInfo.InvariantCulture)),
            Name = string.Create(CultureInfo.InvariantCulture, $"第{division}师合成{Suffix(type)}{u + 1:D6}"),
            DivisionCode = division,
            OrganisationType = type,
            RegistrationStatus = status,
            RegisteredDate = registered,
            StatusDate = statusDate,
            IndustryCode = industry.Code,
            SizeClass = size,
            Employees = employees,
            RevenueFen = revenue,
            TotalAssetsFen = assets,
            LabourDispatch = type == OrganisationType.Enterprise && rng.Chance(20),
            TaxOfficeCode = "XJBT" + division + "01",
        };
    }

    private static string Suffix(OrganisationType type) => type switch
    {
        OrganisationType.SocialOrganisation => "协会",
        OrganisationType.Foundation => "基金会",
        OrganisationType.SocialServiceOrganisation => "服务中心",
        OrganisationType.LawFirm => "律师事务所",
        OrganisationType.AccountingFirm => "会计师事务所",
        OrganisationType.IndividualBusiness => "个体工商户",
        OrganisationType.GovernmentBody => "管理局",
        OrganisationType.PublicInstitution => "事业中心",
        _ => "有限公司",
    };
}

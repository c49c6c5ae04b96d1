using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>Valid records of every feed; tests change one field to make them invalid.</summary>
public static class Records
{
    public static ContributionLine Line(string id, int unit = 1, int person = 1, string period = "2023-05", int revision = 1,
        long employer = 1500, long employee = 1500) => new()
    {
        SourceRecordId = id,
        Revision = revision,
        Uscc = Ids.Uscc(unit),
        ResidentId = Ids.ResidentId(person),
        Period = period,
        EmployerAmountFen = employer,
        EmployeeAmountFen = employee,
        WageBaseFen = 300_000,
        Kind = ContributionKind.Regular,
        ReceivedDate = "2023-06-15",
        TaxOfficeCode = "65900101",
    };

    public static SettlementStatusRecord Settlement(string id, int unit = 1, string period = "2023-05",
        SettlementStatus status = SettlementStatus.Settled, int revision = 1) => new()
    {
        SourceRecordId = id,
        Revision = revision,
        Uscc = Ids.Uscc(unit),
        Period = period,
        Status = status,
        StatusDate = "2023-06-20",
    };

    public static UnitRecord Unit(string id, int unit = 1, int revision = 1) => new()
    {
        SourceRecordId = id,
        Revision = revision,
        Uscc = Ids.Uscc(unit),
        Name = "兵团第一师示例农业有限公司",
        OrganisationType = OrganisationType.Enterprise,
        RegistrationStatus = RegistrationStatus.Active,
        RegisteredDate = "2010-03-01",
        IndustryCode = "A0111",
        SizeClass = SizeClass.Small,
        SizeClassSource = SizeClassSource.Provisional,
        Employees = 25,
        RevenueFen = 800_000_000,
        TotalAssetsFen = 1_200_000_000,
        LabourDispatch = false,
        DivisionCode = "01",
    };

    public static TransferRequestRecord Transfer(string id, int person = 1, int revision = 1) => new()
    {
        SourceRecordId = id,
        Revision = revision,
        ResidentId = Ids.ResidentId(person),
        Direction = TransferDirection.In,
        CounterpartProvinceCode = "32",
        InsuredPeriods =
        {
            new MonthRange { FromPeriod = "2015-01", ToPeriod = "2019-12" },
            new MonthRange { FromPeriod = "2021-03", ToPeriod = "2021-06" },
        },
        BenefitMonthsPaid = 2,
        ConsolidationPlace = ConsolidationPlace.LastInsured,
        RequestedDate = "2024-03-01",
    };

    /// <summary>A transfer in of the insured months <paramref name="from"/>..<paramref name="to"/> ("YYYY-MM").</summary>
    public static TransferRequestRecord TransferIn(string id, int person, string from, string to, int benefitMonthsPaid = 0)
    {
        var transfer = Transfer(id, person);
        transfer.InsuredPeriods.Clear();
        transfer.InsuredPeriods.Add(new MonthRange { FromPeriod = from, ToPeriod = to });
        transfer.BenefitMonthsPaid = benefitMonthsPaid;
        return transfer;
    }

    public static SkillCertificateRecord Certificate(string id, int person = 1, string occupation = "6-29-01-03", int level = 5,
        string? number = null, string issued = "2024-06-15", int revision = 1) => new()
    {
        SourceRecordId = id,
        Revision = revision,
        ResidentId = Ids.ResidentId(person),
        OccupationCode = occupation,
        Level = level,
        CertificateNumber = number ?? "C-" + id,
        IssueDate = issued,
        IssuingBodyCode = "XJ-PT-0001",
    };

    public static TrainingSubsidyPaymentRecord TrainingPayment(string id, string certificate, int unit = 1, string paid = "2024-07-01",
        long amount = 80_000, int revision = 1) => new()
    {
        SourceRecordId = id,
        Revision = revision,
        CertificateNumber = certificate,
        RecipientKind = SubsidyRecipientKind.Unit,
        RecipientId = Ids.Uscc(unit),
        AmountFen = amount,
        PaidDate = paid,
        LedgerSequence = 0,
    };
}

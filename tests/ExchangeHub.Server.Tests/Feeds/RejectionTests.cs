using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Feeds;

/// <summary>
/// Every rejection reason, through the real hub: a batch of one good record and one bad record stores the good one
/// and lists the bad one with its source id, field and stable reason code.
/// </summary>
[Trait("storage", "sqlite")]
public sealed class RejectionTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private TestHub Hub => fixture.Hub;

    public static TheoryData<string, Action<ContributionLine>, string, string> LineCases => new()
    {
        { "empty source id", l => l.SourceRecordId = "", "source_record_id", "REQUIRED" },
        { "source id too long", l => l.SourceRecordId = new string('a', 65), "source_record_id", "TOO_LONG" },
        { "source id with space", l => l.SourceRecordId = "a b", "source_record_id", "INVALID_CHARACTERS" },
        { "revision 0", l => l.Revision = 0, "revision", "REVISION_INVALID" },
        { "uscc missing", l => l.Uscc = "", "uscc", "REQUIRED" },
        { "uscc 17 chars", l => l.Uscc = l.Uscc[..17], "uscc", "USCC_FORMAT" },
        { "uscc letter I", l => l.Uscc = "I" + l.Uscc[1..], "uscc", "USCC_FORMAT" },
        { "uscc check", l => l.Uscc = l.Uscc[..17] + (l.Uscc[17] == '0' ? '1' : '0'), "uscc", "USCC_CHECK_CHARACTER" },
        { "resident id 15 digits", l => l.ResidentId = l.ResidentId[..15], "resident_id", "RESIDENT_ID_FORMAT" },
        { "resident id letter", l => l.ResidentId = "A" + l.ResidentId[1..], "resident_id", "RESIDENT_ID_FORMAT" },
        { "resident id 30 February", l => l.ResidentId = "65900119900230001" + "0", "resident_id", "RESIDENT_ID_BIRTH_DATE" },
        { "resident id born in future", l => l.ResidentId = "65900121990101001" + "0", "resident_id", "RESIDENT_ID_BIRTH_DATE" },
        { "resident id check", l => l.ResidentId = l.ResidentId[..17] + (l.ResidentId[17] == '0' ? '1' : '0'), "resident_id", "RESIDENT_ID_CHECK_CHARACTER" },
        { "resident id lower-case x", l => l.ResidentId = "11010519491231002x", "resident_id", "RESIDENT_ID_CHECK_CHARACTER" },
        { "period missing", l => l.Period = "", "period", "REQUIRED" },
        { "period month 13", l => l.Period = "2023-13", "period", "PERIOD_FORMAT" },
        { "period without dash", l => l.Period = "202305", "period", "PERIOD_FORMAT" },
        { "period before 1999", l => l.Period = "1998-12", "period", "PERIOD_OUT_OF_RANGE" },
        { "period in the future", l => l.Period = "2099-01", "period", "PERIOD_OUT_OF_RANGE" },
        { "employer negative", l => l.EmployerAmountFen = -1, "employer_amount_fen", "AMOUNT_NEGATIVE" },
        { "employee negative", l => l.EmployeeAmountFen = -5, "employee_amount_fen", "AMOUNT_NEGATIVE" },
        { "employer absurd", l => l.EmployerAmountFen = 10_000_000_001, "employer_amount_fen", "AMOUNT_TOO_LARGE" },
        { "wage base negative", l => l.WageBaseFen = -1, "wage_base_fen", "AMOUNT_NEGATIVE" },
        { "kind unspecified", l => l.Kind = ContributionKind.Unspecified, "kind", "ENUM_UNSPECIFIED" },
        { "kind unknown number", l => l.Kind = (ContributionKind)99, "kind", "ENUM_UNKNOWN" },
        { "received date missing", l => l.ReceivedDate = "", "received_date", "REQUIRED" },
        { "received date 31 April", l => l.ReceivedDate = "2023-04-31", "received_date", "DATE_FORMAT" },
        { "received date slashes", l => l.ReceivedDate = "2023/06/15", "received_date", "DATE_FORMAT" },
        { "received date in future", l => l.ReceivedDate = "2099-01-01", "received_date", "DATE_OUT_OF_RANGE" },
        { "tax office missing", l => l.TaxOfficeCode = "", "tax_office_code", "REQUIRED" },
        { "tax office too long", l => l.TaxOfficeCode = new string('1', 33), "tax_office_code", "TOO_LONG" },
        { "tax office with slash", l => l.TaxOfficeCode = "659/01", "tax_office_code", "INVALID_CHARACTERS" },
        { "tax office with dash", l => l.TaxOfficeCode = "659-01", "tax_office_code", "INVALID_CHARACTERS" },
        { "tax office with zero-width", l => l.TaxOfficeCode = "659\u200B01", "tax_office_code", "TEXT_ZERO_WIDTH" },
    };

    public static TheoryData<string, Action<SettlementStatusRecord>, string, string> SettlementCases => new()
    {
        { "status unspecified", s => s.Status = SettlementStatus.Unspecified, "status", "ENUM_UNSPECIFIED" },
        { "status unknown", s => s.Status = (SettlementStatus)7, "status", "ENUM_UNKNOWN" },
        { "period bad", s => s.Period = "23-05", "period", "PERIOD_FORMAT" },
        { "status date missing", s => s.StatusDate = "", "status_date", "REQUIRED" },
        { "uscc check", s => s.Uscc = s.Uscc[..17] + (s.Uscc[17] == '0' ? '1' : '0'), "uscc", "USCC_CHECK_CHARACTER" },
    };

    public static TheoryData<string, Action<UnitRecord>, string, string> UnitCases => new()
    {
        { "name missing", u => u.Name = "", "name", "REQUIRED" },
        { "name too long", u => u.Name = new string('名', 201), "name", "TOO_LONG" },
        { "name with newline", u => u.Name = "a\nb", "name", "INVALID_CHARACTERS" },
        { "name only spaces", u => u.Name = " \u3000 ", "name", "TEXT_BLANK" },
        { "name with right-to-left override", u => u.Name = "公司\u202Eabc", "name", "TEXT_BIDI_CONTROL" },
        { "name with first bidi embedding", u => u.Name = "a\u202Ab", "name", "TEXT_BIDI_CONTROL" },
        { "name with last bidi isolate", u => u.Name = "a\u2069b", "name", "TEXT_BIDI_CONTROL" },
        { "name with zero-width space", u => u.Name = "公\u200B司", "name", "TEXT_ZERO_WIDTH" },
        { "name with word joiner", u => u.Name = "公\u2060司", "name", "TEXT_ZERO_WIDTH" },
        { "name with byte-order mark", u => u.Name = "\uFEFF公司", "name", "TEXT_ZERO_WIDTH" },
        { "name with non-character FDD0", u => u.Name = "a\uFDD0", "name", "TEXT_NON_CHARACTER" },
        { "name with non-character FFFE", u => u.Name = "a\uFFFE", "name", "TEXT_NON_CHARACTER" },
        { "name with non-character U+1FFFF", u => u.Name = "a\uD83F\uDFFF", "name", "TEXT_NON_CHARACTER" },
        { "organisation type unspecified", u => u.OrganisationType = OrganisationType.Unspecified, "organisation_type", "ENUM_UNSPECIFIED" },
        { "organisation type unknown", u => u.OrganisationType = (OrganisationType)42, "organisation_type", "ENUM_UNKNOWN" },
        { "registration status unspecified", u => u.RegistrationStatus = RegistrationStatus.Unspecified, "registration_status", "ENUM_UNSPECIFIED" },
        { "registered date bad", u => u.RegisteredDate = "2010-3-1", "registered_date", "DATE_FORMAT" },
        { "registered before 1990", u => u.RegisteredDate = "1989-12-31", "registered_date", "DATE_OUT_OF_RANGE" },
        { "status date while active", u => u.StatusDate = "2020-01-01", "status_date", "STATUS_DATE_NOT_ALLOWED" },
        { "deregistered without date", u => u.RegistrationStatus = RegistrationStatus.Deregistered, "status_date", "STATUS_DATE_REQUIRED" },
        {
            "revoked before registration", u =>
            {
                u.RegistrationStatus = RegistrationStatus.Revoked;
                u.StatusDate = "2009-01-01";
            },
            "status_date", "STATUS_DATE_BEFORE_REGISTRATION"
        },
        { "industry lower case", u => u.IndustryCode = "c13", "industry_code", "INDUSTRY_CODE_FORMAT" },
        { "industry section U", u => u.IndustryCode = "U13", "industry_code", "INDUSTRY_CODE_FORMAT" },
        { "industry one digit", u => u.IndustryCode = "C1", "industry_code", "INDUSTRY_CODE_FORMAT" },
        { "industry missing", u => u.IndustryCode = "", "industry_code", "REQUIRED" },
        // Issue 13: an unclassified unit (size_class UNSPECIFIED) is accepted, but not with a source of no class.
        { "source without a size class", u => u.SizeClass = SizeClass.Unspecified, "size_class_source", "SIZE_CLASS_SOURCE_WITHOUT_CLASS" },
        { "size class source unspecified", u => u.SizeClassSource = SizeClassSource.Unspecified, "size_class_source", "ENUM_UNSPECIFIED" },
        { "employees negative", u => u.Employees = -1, "employees", "OUT_OF_RANGE" },
        { "revenue negative", u => u.RevenueFen = -1, "revenue_fen", "OUT_OF_RANGE" },
        { "revenue above 10^15", u => u.RevenueFen = 1_000_000_000_000_001, "revenue_fen", "OUT_OF_RANGE" },
        { "revenue 2^63 - 1", u => u.RevenueFen = long.MaxValue, "revenue_fen", "OUT_OF_RANGE" },
        { "assets above 10^15", u => u.TotalAssetsFen = 1_000_000_000_000_001, "total_assets_fen", "OUT_OF_RANGE" },
        { "assets negative", u => u.TotalAssetsFen = -1, "total_assets_fen", "OUT_OF_RANGE" },
        { "division 15", u => u.DivisionCode = "15", "division_code", "DIVISION_CODE_UNKNOWN" },
        { "division missing", u => u.DivisionCode = "", "division_code", "REQUIRED" },
    };

    public static TheoryData<string, Action<TransferRequestRecord>, string, string> TransferCases => new()
    {
        { "direction unspecified", t => t.Direction = TransferDirection.Unspecified, "direction", "ENUM_UNSPECIFIED" },
        { "province unknown", t => t.CounterpartProvinceCode = "99", "counterpart_province_code", "PROVINCE_CODE_UNKNOWN" },
        { "province is the XPCC itself", t => t.CounterpartProvinceCode = "66", "counterpart_province_code", "PROVINCE_CODE_SELF" },
        { "no insured periods", t => t.InsuredPeriods.Clear(), "insured_periods", "REQUIRED" },
        { "range reversed", t => t.InsuredPeriods[1].ToPeriod = "2021-02", "insured_periods[1].to_period", "MONTH_RANGE_REVERSED" },
        { "range month bad", t => t.InsuredPeriods[0].FromPeriod = "2015-00", "insured_periods[0].from_period", "PERIOD_FORMAT" },
        {
            "too many ranges", t =>
            {
                for (var i = 0; i < 120; i++)
                {
                    t.InsuredPeriods.Add(new MonthRange { FromPeriod = "2010-01", ToPeriod = "2010-01" });
                }
            },
            "insured_periods", "TOO_MANY"
        },
        { "benefit months 25", t => t.BenefitMonthsPaid = 25, "benefit_months_paid", "OUT_OF_RANGE" },
        { "benefit months negative", t => t.BenefitMonthsPaid = -1, "benefit_months_paid", "OUT_OF_RANGE" },
        { "consolidation unspecified", t => t.ConsolidationPlace = ConsolidationPlace.Unspecified, "consolidation_place", "ENUM_UNSPECIFIED" },
        { "requested in future", t => t.RequestedDate = "2099-12-31", "requested_date", "DATE_OUT_OF_RANGE" },
    };

    [Theory]
    [MemberData(nameof(LineCases))]
    public async Task PushContributions_BadField_RecordRejectedGoodOneStored(string name, Action<ContributionLine> spoil, string field, string code)
    {
        var (good, bad) = (Records.Line(Id(name, "good")), Records.Line(Id(name, "bad"), person: 2));
        spoil(bad);
        var summary = await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [good, bad]);
        await AssertRejectedAsync(summary, "contribution_lines", good.SourceRecordId, bad.SourceRecordId, field, code);
    }

    [Theory]
    [MemberData(nameof(SettlementCases))]
    public async Task PushSettlements_BadField_RecordRejectedGoodOneStored(string name, Action<SettlementStatusRecord> spoil, string field, string code)
    {
        var (good, bad) = (Records.Settlement(Id(name, "good")), Records.Settlement(Id(name, "bad")));
        spoil(bad);
        var summary = await Infrastructure.Feeds.PushSettlementsAsync(Hub.Channel(TestHub.TaxToken), [good, bad]);
        await AssertRejectedAsync(summary, "settlement_statuses", good.SourceRecordId, bad.SourceRecordId, field, code);
    }

    [Theory]
    [MemberData(nameof(UnitCases))]
    public async Task PushUnits_BadField_RecordRejectedGoodOneStored(string name, Action<UnitRecord> spoil, string field, string code)
    {
        var (good, bad) = (Records.Unit(Id(name, "good")), Records.Unit(Id(name, "bad"), unit: 2));
        spoil(bad);
        var summary = await Infrastructure.Feeds.PushUnitsAsync(Hub.Channel(TestHub.MarketToken), [good, bad]);
        await AssertRejectedAsync(summary, "units", good.SourceRecordId, bad.SourceRecordId, field, code);
    }

    [Theory]
    [MemberData(nameof(TransferCases))]
    public async Task PushTransferRequests_BadField_RecordRejectedGoodOneStored(string name, Action<TransferRequestRecord> spoil, string field, string code)
    {
        var (good, bad) = (Records.Transfer(Id(name, "good")), Records.Transfer(Id(name, "bad"), person: 2));
        spoil(bad);
        var summary = await Infrastructure.Feeds.PushTransfersAsync(Hub.Channel(TestHub.TransferToken), [good, bad]);
        await AssertRejectedAsync(summary, "transfer_requests", good.SourceRecordId, bad.SourceRecordId, field, code);
    }

    private static string Id(string name, string suffix)
    {
        var tag = string.Concat(name.Where(char.IsAsciiLetterOrDigit));
        return $"{tag[..Math.Min(30, tag.Length)]}-{Guid.NewGuid().ToString("N")[..8]}-{suffix}";
    }

    private async Task AssertRejectedAsync(IngestSummary summary, string table, string goodId, string badId, string field, string code)
    {
        Assert.Equal((1, 1), (summary.Accepted, summary.Rejected));
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal((field, code, 0L, 1), (rejection.Field, rejection.ReasonCode, rejection.BatchIndex, rejection.RecordIndex));
        Assert.Equal(badId.Length <= 64 ? badId : badId[..64], rejection.SourceRecordId);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
        Assert.Equal(1, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE source_record_id = '{goodId}'"));
        Assert.Equal(0, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE source_record_id = '{badId.Replace("'", "''", StringComparison.Ordinal)}'"));
    }
}

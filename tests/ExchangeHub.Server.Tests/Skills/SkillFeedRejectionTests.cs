using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Skills;

/// <summary>
/// Every rejection reason of the skill-certification feed, through the real hub: a batch of one good record and one
/// bad record stores the good one and lists the bad one with its source id, field and stable reason code.
/// </summary>
[Trait("storage", "sqlite")]
public sealed class SkillFeedRejectionTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private TestHub Hub => fixture.Hub;

    public static TheoryData<string, Action<SkillCertificateRecord>, string, string> CertificateCases => new()
    {
        { "source id missing", c => c.SourceRecordId = "", "source_record_id", "REQUIRED" },
        { "revision 0", c => c.Revision = 0, "revision", "REVISION_INVALID" },
        { "resident id missing", c => c.ResidentId = "", "resident_id", "REQUIRED" },
        { "resident id 15 digits", c => c.ResidentId = c.ResidentId[..15], "resident_id", "RESIDENT_ID_FORMAT" },
        { "resident id check", c => c.ResidentId = c.ResidentId[..17] + (c.ResidentId[17] == '0' ? '1' : '0'), "resident_id", "RESIDENT_ID_CHECK_CHARACTER" },
        { "occupation missing", c => c.OccupationCode = "", "occupation_code", "REQUIRED" },
        { "occupation without dashes", c => c.OccupationCode = "6290103", "occupation_code", "OCCUPATION_CODE_FORMAT" },
        { "occupation letter", c => c.OccupationCode = "X-29-01-03", "occupation_code", "OCCUPATION_CODE_FORMAT" },
        { "occupation too long", c => c.OccupationCode = "6-29-01-033", "occupation_code", "OCCUPATION_CODE_FORMAT" },
        { "level missing", c => c.Level = 0, "level", "REQUIRED" },
        { "level 6", c => c.Level = 6, "level", "SKILL_LEVEL_UNKNOWN" },
        { "level negative", c => c.Level = -1, "level", "SKILL_LEVEL_UNKNOWN" },
        { "certificate number missing", c => c.CertificateNumber = "", "certificate_number", "REQUIRED" },
        { "certificate number too long", c => c.CertificateNumber = new string('7', 65), "certificate_number", "TOO_LONG" },
        { "certificate number with slash", c => c.CertificateNumber = "S/2024/1", "certificate_number", "INVALID_CHARACTERS" },
        { "issue date missing", c => c.IssueDate = "", "issue_date", "REQUIRED" },
        { "issue date 31 June", c => c.IssueDate = "2024-06-31", "issue_date", "DATE_FORMAT" },
        { "issue date in future", c => c.IssueDate = "2099-01-01", "issue_date", "DATE_OUT_OF_RANGE" },
        { "issuing body missing", c => c.IssuingBodyCode = "", "issuing_body_code", "REQUIRED" },
        { "issuing body too long", c => c.IssuingBodyCode = new string('A', 33), "issuing_body_code", "TOO_LONG" },
        { "issuing body with space", c => c.IssuingBodyCode = "XJ 01", "issuing_body_code", "INVALID_CHARACTERS" },
    };

    public static TheoryData<string, Action<TrainingSubsidyPaymentRecord>, string, string> PaymentCases => new()
    {
        { "source id with space", p => p.SourceRecordId = "a b", "source_record_id", "INVALID_CHARACTERS" },
        { "certificate number missing", p => p.CertificateNumber = "", "certificate_number", "REQUIRED" },
        { "recipient kind unspecified", p => p.RecipientKind = SubsidyRecipientKind.Unspecified, "recipient_kind", "ENUM_UNSPECIFIED" },
        { "recipient kind unknown", p => p.RecipientKind = (SubsidyRecipientKind)9, "recipient_kind", "ENUM_UNKNOWN" },
        { "unit recipient missing", p => p.RecipientId = "", "recipient_id", "REQUIRED" },
        { "unit recipient check", p => p.RecipientId = p.RecipientId[..17] + (p.RecipientId[17] == '0' ? '1' : '0'), "recipient_id", "USCC_CHECK_CHARACTER" },
        { "unit recipient 16 characters", p => p.RecipientId = p.RecipientId[..16], "recipient_id", "USCC_FORMAT" },
        {
            "person recipient is a uscc", p =>
            {
                p.RecipientKind = SubsidyRecipientKind.Person;
                p.RecipientId = "91350100M000100Y43";
            },
            "recipient_id", "RESIDENT_ID_FORMAT"
        },
        {
            "person recipient check", p =>
            {
                p.RecipientKind = SubsidyRecipientKind.Person;
                var id = Ids.ResidentId(3);
                p.RecipientId = id[..17] + (id[17] == '0' ? '1' : '0');
            },
            "recipient_id", "RESIDENT_ID_CHECK_CHARACTER"
        },
        { "amount negative", p => p.AmountFen = -1, "amount_fen", "AMOUNT_NEGATIVE" },
        { "amount absurd", p => p.AmountFen = 10_000_000_001, "amount_fen", "AMOUNT_TOO_LARGE" },
        { "paid date missing", p => p.PaidDate = "", "paid_date", "REQUIRED" },
        { "paid date slashes", p => p.PaidDate = "2024/07/01", "paid_date", "DATE_FORMAT" },
        { "paid before 1990", p => p.PaidDate = "1989-12-31", "paid_date", "DATE_OUT_OF_RANGE" },
        { "ledger sequence negative", p => p.LedgerSequence = -1, "ledger_sequence", "OUT_OF_RANGE" },
        { "ledger sequence above 10^15", p => p.LedgerSequence = 1_000_000_000_000_001, "ledger_sequence", "OUT_OF_RANGE" },
    };

    [Theory]
    [MemberData(nameof(CertificateCases))]
    public async Task PushCertificates_BadField_RecordRejectedGoodOneStored(string name, Action<SkillCertificateRecord> spoil, string field, string code)
    {
        var (good, bad) = (Records.Certificate(Id(name, "good")), Records.Certificate(Id(name, "bad"), person: 2));
        spoil(bad);
        var summary = await Infrastructure.Feeds.PushCertificatesAsync(Hub.Channel(TestHub.SkillToken), [good, bad]);
        await AssertRejectedAsync(summary, "skill_certificates", good.SourceRecordId, bad.SourceRecordId, field, code);
    }

    [Theory]
    [MemberData(nameof(PaymentCases))]
    public async Task PushTrainingSubsidyPayments_BadField_RecordRejectedGoodOneStored(string name, Action<TrainingSubsidyPaymentRecord> spoil,
        string field, string code)
    {
        var (good, bad) = (Records.TrainingPayment(Id(name, "good"), "C-" + name.Length), Records.TrainingPayment(Id(name, "bad"), "C-2"));
        spoil(bad);
        var summary = await Infrastructure.Feeds.PushTrainingPaymentsAsync(Hub.Channel(TestHub.SkillToken), [good, bad]);
        await AssertRejectedAsync(summary, "training_subsidy_payments", good.SourceRecordId, bad.SourceRecordId, field, code);
    }

    [Fact]
    public async Task PushCertificates_SameRecordTwiceThenCorrected_DuplicateThenCorrected()
    {
        var record = Records.Certificate(Id("correction", "c"), person: 4);
        var channel = Hub.Channel(TestHub.SkillToken);
        Assert.Equal(1, (await Infrastructure.Feeds.PushCertificatesAsync(channel, [record])).Accepted);
        Assert.Equal(1, (await Infrastructure.Feeds.PushCertificatesAsync(channel, [record])).Duplicate);
        var corrected = record.Clone();
        corrected.Revision = 2;
        corrected.Level = 4;
        Assert.Equal(1, (await Infrastructure.Feeds.PushCertificatesAsync(channel, [corrected])).Corrected);
        Assert.Equal(4, await Hub.Database.ScalarAsync($"SELECT level FROM skill_certificates WHERE source_record_id = '{record.SourceRecordId}'"));
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
        Assert.Equal(badId, rejection.SourceRecordId);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
        Assert.Equal(1, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE source_record_id = '{goodId}'"));
        Assert.Equal(0, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE source_record_id = '{badId}'"));
    }
}

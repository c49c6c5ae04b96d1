using ExchangeHub.Policy;
using ExchangeHub.Policy.Skills;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Skills;

namespace ExchangeHub.Server.Tests.Skills;

/// <summary>
/// The canonical facts JSON of a certificate (pure, no database): equal facts give the same text whatever the order
/// they were read in, months after the month of issue do not count, and every fact that can change the decision changes it.
/// </summary>
public sealed class SkillFactsJsonTests
{
    private static readonly SkillSubsidyFacts Facts = new("person-key", new Certificate("CERT-2", "4-01-02-01", 3, new DateOnly(2024, 5, 20)),
        [new YearMonth(2024, 5), new YearMonth(2023, 6), new YearMonth(2024, 1)], null,
        [new SkillGrant("4-01-02-01", 4, new DateOnly(2023, 3, 1), "CERT-B"), new SkillGrant("2-02-01-00", 2, new DateOnly(2022, 3, 1), "CERT-A")]);

    [Fact]
    public void Serialize_IsCanonical_MonthsInOrderGrantsByCertificate()
    {
        Assert.Equal(
            """{"PersonId":"person-key","Certificate":{"Number":"CERT-2","OccupationCode":"4-01-02-01","Level":3,"IssuedOn":"2024-05-20"}"""
            + ""","InsuredMonths":["2023-06","2024-01","2024-05"],"ReceivingBenefitOnIssueDate":null,"PriorGrants":["""
            + """{"CertificateNumber":"CERT-A","OccupationCode":"2-02-01-00","Level":2,"GrantedOn":"2022-03-01"},"""
            + """{"CertificateNumber":"CERT-B","OccupationCode":"4-01-02-01","Level":4,"GrantedOn":"2023-03-01"}],"GrantYear":2024}""",
            SkillFactsJson.Serialize(Facts, 2024));
    }

    [Fact]
    public void Serialize_EqualFactsInAnotherOrderOrLaterMonths_SameHash()
    {
        var same = Facts with
        {
            InsuredMonths = [.. Facts.InsuredMonths!.Reverse(), new YearMonth(2024, 6), new YearMonth(2025, 1)],
            PriorGrants = [.. Facts.PriorGrants.Reverse()],
        };

        Assert.Equal(CanonicalJson.Sha256(SkillFactsJson.Serialize(Facts, 2024)), CanonicalJson.Sha256(SkillFactsJson.Serialize(same, 2024)));
    }

    public static TheoryData<string, SkillSubsidyFacts, int> Changed => new()
    {
        { "person", Facts with { PersonId = "other-key" }, 2024 },
        { "level", Facts with { Certificate = Facts.Certificate with { Level = 2 } }, 2024 },
        { "occupation", Facts with { Certificate = Facts.Certificate with { OccupationCode = "4-01-02-02" } }, 2024 },
        { "issue date", Facts with { Certificate = Facts.Certificate with { IssuedOn = new DateOnly(2024, 5, 21) } }, 2024 },
        { "an insured month more", Facts with { InsuredMonths = [.. Facts.InsuredMonths!, new YearMonth(2024, 4)] }, 2024 },
        { "insured months unknown", Facts with { InsuredMonths = null }, 2024 },
        { "receiving benefit", Facts with { ReceivingBenefitOnIssueDate = true }, 2024 },
        { "a prior grant fewer", Facts with { PriorGrants = [Facts.PriorGrants[0]] }, 2024 },
        { "grant year", Facts, 2025 },
    };

    [Theory]
    [MemberData(nameof(Changed))]
    public void Serialize_AFactChanges_HashChanges(string change, SkillSubsidyFacts changed, int grantYear)
    {
        Assert.True(CanonicalJson.Sha256(SkillFactsJson.Serialize(Facts, 2024)) != CanonicalJson.Sha256(SkillFactsJson.Serialize(changed, grantYear)), change);
    }
}

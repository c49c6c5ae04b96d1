using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Server.Benefits;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Tests.Benefits;

/// <summary>
/// The canonical facts JSON whose SHA-256 decides whether a claim is decided again (pure, no database): equal facts give
/// the same text whatever the order they were read in, and every fact that can change the decision changes it.
/// </summary>
public sealed class BenefitFactsJsonTests
{
    private static readonly BenefitFacts Facts = new("person-key",
        [Place("650100", new YearMonth(2023, 1), 12), Place("110000", new YearMonth(2022, 1), 6)],
        SeparationReason.ContractExpired, RegisteredUnemployed: true, new PreviousSpell(new YearMonth(2020, 3), 12, 4));

    private static InsuredPlace Place(string code, YearMonth from, int months) => new(code, [.. Enumerable.Range(0, months).Select(from.AddMonths)]);

    [Fact]
    public void Serialize_IsCanonical_PlacesByCodeMonthsInOrder()
    {
        Assert.Equal(
            """{"PersonId":"person-key","Places":[{"PlaceCode":"110000","Months":["2022-01","2022-02","2022-03","2022-04","2022-05","2022-06"]},"""
            + """{"PlaceCode":"650100","Months":["2023-01","2023-02","2023-03","2023-04","2023-05","2023-06","2023-07","2023-08","2023-09","2023-10","2023-11","2023-12"]}]"""
            + ""","Separation":"ContractExpired","RegisteredUnemployed":true,"Previous":{"FirstBenefitMonth":"2020-03","EntitledMonths":12,"ReceivedMonths":4}"""
            + ""","ApplicationMonth":null,"HubGrant":null,"MonthsPaidElsewhere":0}""",
            BenefitFactsJson.Serialize(Facts));
    }

    [Fact]
    public void Serialize_EqualFactsInAnotherOrder_SameTextAndHash()
    {
        var shuffled = Facts with
        {
            InsuredPlaces = [.. Facts.InsuredPlaces.Reverse().Select(p => p with { Months = [.. p.Months.Reverse()] })],
        };

        Assert.Equal(BenefitFactsJson.Serialize(Facts), BenefitFactsJson.Serialize(shuffled));
        Assert.Equal(CanonicalJson.Sha256(BenefitFactsJson.Serialize(Facts)), CanonicalJson.Sha256(BenefitFactsJson.Serialize(shuffled)));
    }

    public static TheoryData<string, BenefitFacts> Changed => new()
    {
        { "person", Facts with { PersonId = "other-key" } },
        { "a month more", Facts with { InsuredPlaces = [.. Facts.InsuredPlaces, Place("650100", new YearMonth(2024, 1), 1)] } },
        { "a place's code", Facts with { InsuredPlaces = [Facts.InsuredPlaces[0] with { PlaceCode = "650200" }, Facts.InsuredPlaces[1]] } },
        { "separation", Facts with { Separation = SeparationReason.Resignation } },
        { "separation unknown", Facts with { Separation = null } },
        { "registration", Facts with { RegisteredUnemployed = false } },
        { "registration unknown", Facts with { RegisteredUnemployed = null } },
        { "no previous spell", Facts with { PreviousSpell = null } },
        { "previous months received", Facts with { PreviousSpell = new PreviousSpell(new YearMonth(2020, 3), 12, 5) } },
        { "application month", Facts with { ApplicationMonth = new YearMonth(2023, 12) } },
        { "the hub's own grant", Facts with { HubGrant = new PreviousGrant(new YearMonth(2020, 3), 12) } },
        { "months paid elsewhere", Facts with { MonthsPaidElsewhere = 2 } },
    };

    [Fact]
    [Trait("clause", "1.(4)")]
    public void Serialize_AMonthFromTheApplicationsMonthOn_SameHash()
    {
        // 1.(4) Decision: months count up to the month before the application; a later month cannot change the decision.
        var applied = Facts with { ApplicationMonth = new YearMonth(2024, 1) };
        var here = applied.InsuredPlaces[0];
        var later = applied with { InsuredPlaces = [here with { Months = [.. here.Months, new YearMonth(2024, 1), new YearMonth(2024, 2)] }, applied.InsuredPlaces[1]] };

        Assert.Equal(BenefitFactsJson.Serialize(applied), BenefitFactsJson.Serialize(later));
    }

    [Theory]
    [MemberData(nameof(Changed))]
    public void Serialize_AFactChanges_HashChanges(string change, BenefitFacts changed)
    {
        Assert.True(CanonicalJson.Sha256(BenefitFactsJson.Serialize(Facts)) != CanonicalJson.Sha256(BenefitFactsJson.Serialize(changed)), change);
    }
}

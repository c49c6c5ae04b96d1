using System.Globalization;
using System.Text.Json;
using ExchangeHub.Policy.Benefits;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// The canonical JSON of a claim's facts, stored with each decision and hashed into its facts version. It names the
/// person by the pseudonymous key only; places in order of code, months in order, and only months before the
/// application's month (later months cannot change the decision, 1.(4) Decision).
/// </summary>
public static class BenefitFactsJson
{
    public static string Serialize(BenefitFacts facts) => JsonSerializer.Serialize(new
    {
        facts.PersonId,
        Places = facts.InsuredPlaces
            .OrderBy(p => p.PlaceCode, StringComparer.Ordinal)
            .Select(p => new
            {
                p.PlaceCode,
                Months = p.Months.Where(m => facts.ApplicationMonth is not { } before || m < before).Order().Select(m => m.ToString()).ToList(),
            }),
        Separation = facts.Separation?.ToString(),
        facts.RegisteredUnemployed,
        Previous = facts.PreviousSpell is { } s
            ? new { FirstBenefitMonth = s.FirstBenefitMonth.ToString(), s.EntitledMonths, s.ReceivedMonths }
            : null,
        ApplicationMonth = facts.ApplicationMonth?.ToString(),
        HubGrant = facts.HubGrant is { } g ? new { FirstBenefitMonth = g.FirstBenefitMonth.ToString(), g.EntitledMonths } : null,
        facts.MonthsPaidElsewhere,
    });

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

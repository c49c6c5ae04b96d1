using System.Globalization;
using System.Text.Json;
using ExchangeHub.Policy.Benefits;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// The canonical JSON of a claim's facts, hashed into the facts version stored with each decision. It names the person
/// by the pseudonymous key only; places in order of code, months in order.
/// </summary>
public static class BenefitFactsJson
{
    public static string Serialize(BenefitFacts facts) => JsonSerializer.Serialize(new
    {
        facts.PersonId,
        Places = facts.InsuredPlaces
            .OrderBy(p => p.PlaceCode, StringComparer.Ordinal)
            .Select(p => new { p.PlaceCode, Months = p.Months.Order().Select(m => m.ToString()).ToList() }),
        Separation = facts.Separation?.ToString(),
        facts.RegisteredUnemployed,
        Previous = facts.PreviousSpell is { } s
            ? new { FirstBenefitMonth = s.FirstBenefitMonth.ToString(), s.EntitledMonths, s.ReceivedMonths }
            : null,
    });

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

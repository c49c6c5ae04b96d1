using System.Globalization;
using System.Text.Json;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Skills;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// The canonical JSON of a certificate's facts, hashed into the facts version stored with each decision. It names the
/// person by the pseudonymous key only, counts insured months up to the month of issue (later months cannot change the
/// decision) and includes the grant year (the yearly cap counts grants by grant date) and the training subsidy already
/// paid for the certificate, if any (1.(3) SKILL_NO_DOUBLE; a person recipient by key).
/// </summary>
public static class SkillFactsJson
{
    public static string Serialize(SkillSubsidyFacts facts, int grantYear)
    {
        var c = facts.Certificate;
        var issueMonth = ExchangeHub.Policy.YearMonth.FromDate(c.IssuedOn);
        var json = JsonSerializer.SerializeToNode(new
        {
            facts.PersonId,
            Certificate = new { c.Number, c.OccupationCode, c.Level, IssuedOn = Date(c.IssuedOn) },
            InsuredMonths = facts.InsuredMonths?.Where(m => m <= issueMonth).Order().Select(m => m.ToString()).ToList(),
            facts.ReceivingBenefitOnIssueDate,
            PriorGrants = facts.PriorGrants
                .OrderBy(g => g.CertificateNumber, StringComparer.Ordinal)
                .Select(g => new { g.CertificateNumber, g.OccupationCode, g.Level, GrantedOn = Date(g.GrantedOn) }),
            GrantYear = grantYear,
        })!.AsObject();
        // Only when there is one, so the facts (and their hash) of a certificate without a training subsidy read as before.
        if (facts.TrainingPayment is { } t)
        {
            json.Add("TrainingPayment", JsonSerializer.SerializeToNode(new
            {
                RecipientKind = UpperSnake.Format(t.RecipientKind), t.RecipientId, t.AmountFen, PaidOn = Date(t.PaidOn),
            }));
        }
        return json.ToJsonString();
    }

    /// <summary>A date as the facts and the contract spell it, YYYY-MM-DD.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

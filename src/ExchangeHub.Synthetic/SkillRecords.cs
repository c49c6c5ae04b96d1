using System.Globalization;
using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>
/// The skill-certification system's certificates (1.(3)) for about 3% of the persons, issued in the programme year
/// — a fifth of them followed by the next level of the same occupation — and the vocational-training subsidies paid
/// for some of those certificates, to the training unit or the person (SKILL_NO_DOUBLE).
/// </summary>
internal sealed class SkillRecords(Population population, Calendar calendar, string tag)
{
    private const int PerMille = 30;

    private static readonly string[] Occupations =
        ["4-03-02-01", "6-29-01-03", "4-10-01-01", "6-18-01-02", "4-07-05-04", "6-28-01-14", "4-01-02-05", "6-31-01-03", "4-14-02-02"];

    public IEnumerable<SkillCertificateRecord> Certificates()
    {
        for (var p = 0; p < population.Persons; p++)
        {
            foreach (var certificate in CertificatesOf(p))
            {
                yield return certificate;
            }
        }
    }

    public IEnumerable<TrainingSubsidyPaymentRecord> Payments()
    {
        for (var p = 0; p < population.Persons; p++)
        {
            var k = 0;
            foreach (var certificate in CertificatesOf(p))
            {
                var h = SplitMix64.Hash(population.Scale.Seed, 13, ((ulong)p << 2) | (uint)k);
                if (h % 1000 < 150)
                {
                    yield return Payment(p, k, certificate, new SplitMix64(h));
                }
                k++;
            }
        }
    }

    public long CertificateCount() => Certificates().LongCount();

    public long PaymentCount() => Payments().LongCount();

    private IEnumerable<SkillCertificateRecord> CertificatesOf(int p)
    {
        var h = SplitMix64.Hash(population.Scale.Seed, 12, (ulong)p);
        if (h % 1000 >= PerMille)
        {
            yield break;
        }
        var rng = new SplitMix64(h);
        var occupation = Occupations[rng.Below(Occupations.Length)];
        var level = rng.Below(100) switch
        {
            < 45 => 5,
            < 75 => 4,
            < 93 => 3,
            < 98 => 2,
            _ => 1,
        };
        var day = rng.Below(300);
        var division = population.Units[Math.Max(0, population.LastUnit(p))].DivisionCode;
        var body = string.Create(CultureInfo.InvariantCulture, $"XJBT-{division}-{rng.Between(1, 5):D2}");
        yield return Certificate(p, 0, occupation, level, day, body);
        if (level > 1 && rng.Chance(200))
        {
            yield return Certificate(p, 1, occupation, level - 1, day + rng.Between(1, 64), body);
        }
    }

    private SkillCertificateRecord Certificate(int p, int k, string occupation, int level, int day, string body) => new()
    {
        SourceRecordId = string.Create(CultureInfo.InvariantCulture, $"{tag}-K{p}-{k}"),
        Revision = 1,
        ResidentId = population.ResidentIds[p],
        OccupationCode = occupation,
        Level = level,
        CertificateNumber = string.Create(CultureInfo.InvariantCulture, $"{tag.ToUpperInvariant()}-ZS{p:D8}{k}"),
        IssueDate = Calendar.Format(calendar.ProgrammeDay(day)),
        IssuingBodyCode = body,
    };

    private TrainingSubsidyPaymentRecord Payment(int p, int k, SkillCertificateRecord certificate, SplitMix64 rng)
    {
        var unit = population.LastUnit(p);
        var toUnit = unit >= 0 && rng.Chance(600);
        var issued = DateOnly.ParseExact(certificate.IssueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var paid = issued.AddDays(rng.Below(60));
        return new TrainingSubsidyPaymentRecord
        {
            SourceRecordId = string.Create(CultureInfo.InvariantCulture, $"{tag}-P{p}-{k}"),
            Revision = 1,
            CertificateNumber = certificate.CertificateNumber,
            RecipientKind = toUnit ? SubsidyRecipientKind.Unit : SubsidyRecipientKind.Person,
            RecipientId = toUnit ? population.Units[unit].Uscc : population.ResidentIds[p],
            AmountFen = rng.Between(50_000, 200_000),
            PaidDate = Calendar.Format(paid > calendar.LastProgrammeDay ? calendar.LastProgrammeDay : paid),
            LedgerSequence = ((long)p * 4) + k + 1,
        };
    }
}

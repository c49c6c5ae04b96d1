using ExchangeHub.Policy.Parameters;
using ExchangeHub.Policy.SizeClasses;

namespace ExchangeHub.Policy;

/// <summary>
/// A loaded, validated policy file. <see cref="Version"/> is the file's own version; <see cref="Sha256"/> fingerprints
/// the exact bytes, so a decision can be reproduced against the very file it was made with (3.(4) FUND).
/// </summary>
public sealed class PolicySet
{
    internal PolicySet(
        PolicyHeader header,
        ContributionRateParameters contributionRate,
        RefundParameters refund,
        SkillParameters skill,
        BenefitParameters benefit,
        ClaimParameters claim,
        TransferParameters transfer,
        DatedSeries<IReadOnlyList<IndustrySizeBounds>> sizeClassBounds,
        HolidayCalendars calendars)
    {
        Id = header.Id;
        Version = header.Version;
        Sha256 = header.Sha256;
        Title = header.Title;
        ContributionRate = contributionRate;
        Refund = refund;
        Skill = skill;
        Benefit = benefit;
        Claim = claim;
        Transfer = transfer;
        SizeClassBounds = sizeClassBounds;
        Calendars = calendars;
    }

    public string Id { get; }

    public string Version { get; }

    /// <summary>Lower-case hex SHA-256 of the policy file's bytes.</summary>
    public string Sha256 { get; }

    public string Title { get; }

    public PolicyIdentity Identity => new(Id, Version, Sha256);

    public ContributionRateParameters ContributionRate { get; }

    public RefundParameters Refund { get; }

    public SkillParameters Skill { get; }

    public BenefitParameters Benefit { get; }

    public ClaimParameters Claim { get; }

    public TransferParameters Transfer { get; }

    public DatedSeries<IReadOnlyList<IndustrySizeBounds>> SizeClassBounds { get; }

    public HolidayCalendars Calendars { get; }
}

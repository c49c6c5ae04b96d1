using ExchangeHub.Server.Common;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Skills;

/// <summary>A person's skill-subsidy decisions in force and clawbacks, for the person's file.</summary>
public sealed class SkillPersonFileSection(SkillSubsidyQueries skills) : IPersonFileSection
{
    public async Task<int> AddToAsync(string personKey, DateOnly today, GetPersonRecordResponse reply, CancellationToken ct)
    {
        var (decisions, clawbacks) = await skills.PersonAsync(personKey, ct);
        reply.SkillSubsidies.Add(decisions.Select(SkillSubsidyContract.Decision));
        reply.Clawbacks.Add(clawbacks.Select(SkillSubsidyContract.Clawback));
        return decisions.Count;
    }
}

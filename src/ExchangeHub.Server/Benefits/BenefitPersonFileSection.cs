using ExchangeHub.Server.Common;
using ExchangeHub.V1;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Benefits;

/// <summary>A person's benefit claims with their decisions, for the person's file.</summary>
public sealed class BenefitPersonFileSection(BenefitClaimReader claims, BenefitClaimQueries queries) : IPersonFileSection
{
    public async Task<int> AddToAsync(string personKey, DateOnly today, GetPersonRecordResponse reply, CancellationToken ct)
    {
        var added = 0;
        foreach (var claim in await claims.ClaimsOfPersonAsync(personKey, ct))
        {
            reply.Claims.Add(BenefitClaimContract.Record(await queries.HistoryAsync(claim, today, ct)));
            added++;
        }
        return added;
    }
}

using ExchangeHub.Server.Common;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Transfers;

/// <summary>A person's transfers, both directions, for the person's file.</summary>
public sealed class TransferPersonFileSection(TransferQueries transfers) : IPersonFileSection
{
    public async Task<int> AddToAsync(string personKey, DateOnly today, GetPersonRecordResponse reply, CancellationToken ct)
    {
        var stored = await transfers.OfPersonAsync(personKey, ct);
        reply.Transfers.Add(stored.Select(TransferRecords.ToContract));
        return stored.Count;
    }
}

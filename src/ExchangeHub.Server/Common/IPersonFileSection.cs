using ExchangeHub.V1;

namespace ExchangeHub.Server.Common;

/// <summary>
/// One programme's part of a person's file (<c>PersonService/GetPersonRecord</c>). Each programme that holds records of
/// persons registers one; the person view asks them all, so it needs no programme's types.
/// </summary>
public interface IPersonFileSection
{
    /// <summary>Adds this programme's records of <paramref name="personKey"/> to the reply; returns how many it added.</summary>
    Task<int> AddToAsync(string personKey, DateOnly today, GetPersonRecordResponse reply, CancellationToken ct);
}

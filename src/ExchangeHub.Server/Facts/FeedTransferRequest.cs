namespace ExchangeHub.Server.Facts;

/// <summary>
/// A request of the national system's transfer feed (<c>transfer_requests</c>, by source record id) as known at T
/// (<see cref="TransferRequestsReader"/>): the person, the counterpart, the consolidation place as the feed stored it
/// (Storage/StoredConsolidationPlace) and the request date.
/// </summary>
public sealed record FeedTransferRequest(string TransferId, string ResidentId, string CounterpartProvinceCode, int ConsolidationPlace,
    DateOnly RequestedOn);

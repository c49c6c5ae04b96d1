namespace ExchangeHub.Server.Transfers;

/// <summary>
/// A request of the national system's transfer feed (<c>transfer_requests</c>, by source record id): the person, the
/// counterpart, the consolidation place as the feed stored it (<see cref="TransferCodes.ConsolidationPlace"/>) and the
/// request date.
/// </summary>
public sealed record FeedTransferRequest(string TransferId, string ResidentId, string CounterpartProvinceCode, int ConsolidationPlace,
    DateOnly RequestedOn);

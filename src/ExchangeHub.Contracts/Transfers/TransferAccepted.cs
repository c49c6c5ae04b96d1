namespace ExchangeHub.Contracts.Transfers;

/// <summary>The operator accepted an incoming transfer request.</summary>
public sealed record TransferAccepted : TransferEvent;

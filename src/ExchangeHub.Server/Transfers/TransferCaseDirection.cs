namespace ExchangeHub.Server.Transfers;

/// <summary>Which way a transfer case moves insured periods.</summary>
public enum TransferCaseDirection
{
    /// <summary>Into the XPCC: an incoming request of the transfer feed, accepted or refused by the operator.</summary>
    In,

    /// <summary>Out of the XPCC: requested by the hub, with its fund amount.</summary>
    Out,
}

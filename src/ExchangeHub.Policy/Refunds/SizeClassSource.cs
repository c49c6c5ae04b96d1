namespace ExchangeHub.Policy.Refunds;

/// <summary>Where the size class came from (2.(1)): the social-insurance system's class until the XPCC classifies officially.</summary>
public enum SizeClassSource
{
    Provisional,
    Official,
}

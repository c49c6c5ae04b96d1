namespace ExchangeHub.Policy;

/// <summary>Enterprise size class (统计上大中小微型企业划分办法 2017); the refund rate depends on it (1.(2)).</summary>
public enum SizeClass
{
    Large,
    Medium,
    Small,
    Micro,
}

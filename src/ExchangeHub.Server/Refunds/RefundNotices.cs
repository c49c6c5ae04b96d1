namespace ExchangeHub.Server.Refunds;

/// <summary>Texts the notice requires the hub to pass on with a refund.</summary>
public static class RefundNotices
{
    /// <summary>2.(1) "弹窗告知": what the refund may be used for, shown to the unit with the offer.</summary>
    public const string Usage =
        "稳岗返还资金可用于职工生活补助、缴纳社会保险费、转岗培训、技能提升培训等相关支出，以及降低企业生产经营成本。"
        + " (The job-retention refund may be used for employees' living subsidies, social-insurance premiums, transfer and "
        + "skill training, and to lower the unit's operating costs.)";
}

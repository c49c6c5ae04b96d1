namespace ExchangeHub.Server.Security;

/// <summary>The roles an agency can hold. Each gRPC method names the roles allowed to call it (<see cref="MethodRoles"/>).</summary>
public static class Roles
{
    public const string TaxBureau = "TAX_BUREAU";
    public const string MarketRegulation = "MARKET_REGULATION";
    public const string TransferSystem = "TRANSFER_SYSTEM";
    /// <summary>The skill-certification system: certificates and the vocational-training subsidies paid for them.</summary>
    public const string SkillCertification = "SKILL_CERTIFICATION";
    public const string HrssOperator = "HRSS_OPERATOR";
    public const string Auditor = "AUDITOR";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        TaxBureau, MarketRegulation, TransferSystem, SkillCertification, HrssOperator, Auditor,
    };
}

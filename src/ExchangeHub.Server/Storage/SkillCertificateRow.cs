namespace ExchangeHub.Server.Storage;

/// <summary>A skill certificate from the skill-certification system (table <c>skill_certificates</c>).</summary>
public sealed class SkillCertificateRow : FeedRow
{
    public string ResidentId { get; set; } = "";
    /// <summary>"D-DD-DD-DD" (国家职业分类大典).</summary>
    public string OccupationCode { get; set; } = "";
    /// <summary>5 (初级) … 1 (高级技师).</summary>
    public int Level { get; set; }
    public string CertificateNumber { get; set; } = "";
    public DateOnly IssueDate { get; set; }
    public string IssuingBodyCode { get; set; } = "";
}

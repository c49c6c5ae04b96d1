using ExchangeHub.Server.Common.Validation;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Feeds;

/// <summary>The skill-certification system's certificates → <c>skill_certificates</c>.</summary>
public sealed class SkillCertificateKind : IFeedKind<SkillCertificateRecord>
{
    public FeedTable Table { get; } = new("skill_certificates",
        ["resident_id", "occupation_code", "level", "certificate_number", "issue_date", "issuing_body_code"],
        appliesFromColumn: "issue_date", personColumn: "resident_id", certificateColumn: "certificate_number");

    public string SourceRecordId(SkillCertificateRecord record) => record.SourceRecordId;

    public int Revision(SkillCertificateRecord record) => record.Revision;

    public RecordFault? Validate(SkillCertificateRecord r, ValidationContext context, out object?[] values)
    {
        values = [];
        DateOnly issued = default;
        var fault = ResidentId.Check("resident_id", r.ResidentId, context.Today)
            ?? OccupationCode.Check("occupation_code", r.OccupationCode)
            ?? Level(r.Level)
            ?? Fields.Code("certificate_number", r.CertificateNumber, 64)
            ?? Fields.Date("issue_date", r.IssueDate, context, out issued)
            ?? Fields.Code("issuing_body_code", r.IssuingBodyCode, 32);
        if (fault is not null)
        {
            return fault;
        }
        values = [r.ResidentId, r.OccupationCode, r.Level, r.CertificateNumber, issued, r.IssuingBodyCode];
        return null;
    }

    /// <summary>Levels 5 (初级) to 1 (高级技师); 2 and 1 are stored (the policy refuses them with a reason).</summary>
    private static RecordFault? Level(int level) => level switch
    {
        0 => new RecordFault("level", RejectionCodes.Required, "level is required (1 to 5)."),
        >= 1 and <= 5 => null,
        _ => new RecordFault("level", RejectionCodes.SkillLevelUnknown, $"level must be 1 to 5, not {level}."),
    };
}

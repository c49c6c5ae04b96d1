using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Feeds;

/// <summary>Tax bureaus' per-person monthly contribution lines → <c>contribution_lines</c>.</summary>
public sealed class ContributionLineKind : IFeedKind<ContributionLine>
{
    public FeedTable Table { get; } = new("contribution_lines",
        ["uscc", "resident_id", "period", "employer_amount_fen", "employee_amount_fen", "wage_base_fen", "kind",
            "received_date", "tax_office_code"],
        appliesFromColumn: "received_date", unitColumn: "uscc", personColumn: "resident_id");

    public string SourceRecordId(ContributionLine record) => record.SourceRecordId;

    public int Revision(ContributionLine record) => record.Revision;

    public RecordFault? Validate(ContributionLine r, ValidationContext context, out object?[] values)
    {
        values = [];
        int period = 0;
        DateOnly received = default;
        var fault = Uscc.Check("uscc", r.Uscc)
            ?? ResidentId.Check("resident_id", r.ResidentId, context.Today)
            ?? Fields.Period("period", r.Period, context, out period)
            ?? Fields.Amount("employer_amount_fen", r.EmployerAmountFen)
            ?? Fields.Amount("employee_amount_fen", r.EmployeeAmountFen)
            ?? (r.HasWageBaseFen ? Fields.Amount("wage_base_fen", r.WageBaseFen) : null)
            ?? Fields.Enum("kind", r.Kind)
            ?? Fields.Date("received_date", r.ReceivedDate, context, out received)
            ?? Fields.LettersOrDigits("tax_office_code", r.TaxOfficeCode, 32);
        if (fault is not null)
        {
            return fault;
        }
        values =
        [
            r.Uscc, r.ResidentId, period, r.EmployerAmountFen, r.EmployeeAmountFen,
            r.HasWageBaseFen ? r.WageBaseFen : null, StoredCode.Of(r.Kind), received, r.TaxOfficeCode,
        ];
        return null;
    }
}

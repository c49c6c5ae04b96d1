using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Feeds;

/// <summary>Market regulation's unit records → <c>units</c>.</summary>
public sealed class UnitKind : IFeedKind<UnitRecord>
{
    public FeedTable Table { get; } = new("units",
        ["uscc", "name", "organisation_type", "registration_status", "registered_date", "status_date", "industry_code",
            "size_class", "size_class_source", "employees", "revenue_fen", "total_assets_fen", "labour_dispatch",
            "division_code"],
        appliesFromColumn: "registered_date", unitColumn: "uscc");

    public string SourceRecordId(UnitRecord record) => record.SourceRecordId;

    public int Revision(UnitRecord record) => record.Revision;

    public RecordFault? Validate(UnitRecord r, ValidationContext context, out object?[] values)
    {
        values = [];
        DateOnly registered = default;
        DateOnly? statusDate = null;
        var fault = Uscc.Check("uscc", r.Uscc)
            ?? Fields.Text("name", r.Name, 200)
            ?? Fields.Enum("organisation_type", r.OrganisationType)
            ?? Fields.Enum("registration_status", r.RegistrationStatus)
            ?? Fields.Date("registered_date", r.RegisteredDate, context, out registered)
            ?? StatusDate(r, registered, context, out statusDate)
            ?? IndustryCode.Check("industry_code", r.IndustryCode)
            ?? SizeClass(r)
            ?? (r.HasEmployees ? Fields.Count("employees", r.Employees, 0, 10_000_000) : null)
            ?? (r.HasRevenueFen ? Fields.Count("revenue_fen", r.RevenueFen, 0, Fields.MaxFigure) : null)
            ?? (r.HasTotalAssetsFen ? Fields.Count("total_assets_fen", r.TotalAssetsFen, 0, Fields.MaxFigure) : null)
            ?? DivisionCode.Check("division_code", r.DivisionCode)
            ?? DivisionCode.Within("division_code", r.DivisionCode, context.Divisions);
        if (fault is not null)
        {
            return fault;
        }
        values =
        [
            r.Uscc, r.Name, StoredCode.Of(r.OrganisationType), StoredCode.Of(r.RegistrationStatus), registered, statusDate, r.IndustryCode,
            StoredCode.Of(r.SizeClass), StoredCode.Of(r.SizeClassSource), r.HasEmployees ? r.Employees : null,
            r.HasRevenueFen ? r.RevenueFen : null, r.HasTotalAssetsFen ? r.TotalAssetsFen : null, r.LabourDispatch,
            r.DivisionCode,
        ];
        return null;
    }

    /// <summary>
    /// The size class is optional (issue 13): UNSPECIFIED is a unit market regulation has not classified yet, stored
    /// with the rest of the record and decided UNDETERMINED naming SizeClass ("FACTS": missing is not zero). A source
    /// belongs to a class: required with one, refused without one.
    /// </summary>
    private static RecordFault? SizeClass(UnitRecord r)
    {
        if (r.SizeClass != V1.SizeClass.Unspecified)
        {
            return Fields.Enum("size_class", r.SizeClass) ?? Fields.Enum("size_class_source", r.SizeClassSource);
        }
        return r.SizeClassSource == SizeClassSource.Unspecified
            ? null
            : new RecordFault("size_class_source", RejectionCodes.SizeClassSourceWithoutClass,
                "size_class_source must be unset while size_class is unset (the unit is not classified yet).");
    }

    private static RecordFault? StatusDate(UnitRecord r, DateOnly registered, ValidationContext context, out DateOnly? statusDate)
    {
        statusDate = null;
        if (r.RegistrationStatus == RegistrationStatus.Active)
        {
            return r.StatusDate.Length == 0
                ? null
                : new RecordFault("status_date", RejectionCodes.StatusDateNotAllowed, "status_date must be empty while the unit is ACTIVE.");
        }
        if (r.StatusDate.Length == 0)
        {
            return new RecordFault("status_date", RejectionCodes.StatusDateRequired,
                $"status_date is required when registration_status is {r.RegistrationStatus}.");
        }
        if (Fields.Date("status_date", r.StatusDate, context, out var date) is { } fault)
        {
            return fault;
        }
        statusDate = date;
        return date < registered
            ? new RecordFault("status_date", RejectionCodes.StatusDateBeforeRegistration, "status_date is before registered_date.")
            : null;
    }
}

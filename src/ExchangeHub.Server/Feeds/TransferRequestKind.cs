using System.Text;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Feeds;

/// <summary>The national transfer system's requests → <c>transfer_requests</c>.</summary>
public sealed class TransferRequestKind : IFeedKind<TransferRequestRecord>
{
    /// <summary>Most month ranges in one request (a 40-year career in 4-month fragments).</summary>
    public const int MaxInsuredPeriods = 120;

    public FeedTable Table { get; } = new("transfer_requests",
        ["resident_id", "direction", "counterpart_province_code", "insured_periods", "benefit_months_paid",
            "consolidation_place", "requested_date"],
        appliesFromColumn: "requested_date", personColumn: "resident_id");

    public string SourceRecordId(TransferRequestRecord record) => record.SourceRecordId;

    public int Revision(TransferRequestRecord record) => record.Revision;

    public RecordFault? Validate(TransferRequestRecord r, ValidationContext context, out object?[] values)
    {
        values = [];
        string periods = "";
        DateOnly requested = default;
        var fault = ResidentId.Check("resident_id", r.ResidentId, context.Today)
            ?? Fields.Enum("direction", r.Direction)
            ?? ProvinceCode.Check("counterpart_province_code", r.CounterpartProvinceCode)
            ?? InsuredPeriods(r, context, out periods)
            ?? Fields.Count("benefit_months_paid", r.BenefitMonthsPaid, 0, 24)
            ?? Fields.Enum("consolidation_place", r.ConsolidationPlace)
            ?? Fields.Date("requested_date", r.RequestedDate, context, out requested);
        if (fault is not null)
        {
            return fault;
        }
        values =
        [
            r.ResidentId, StoredCode.Of(r.Direction), r.CounterpartProvinceCode, periods, r.BenefitMonthsPaid,
            StoredCode.Of(r.ConsolidationPlace), requested,
        ];
        return null;
    }

    /// <summary>Checks every range and renders them canonically: "201901-202012,202103-202106".</summary>
    private static RecordFault? InsuredPeriods(TransferRequestRecord r, ValidationContext context, out string canonical)
    {
        canonical = "";
        if (r.InsuredPeriods.Count == 0)
        {
            return new RecordFault("insured_periods", RejectionCodes.Required, "insured_periods needs at least one month range.");
        }
        if (r.InsuredPeriods.Count > MaxInsuredPeriods)
        {
            return new RecordFault("insured_periods", RejectionCodes.TooMany,
                $"insured_periods has {r.InsuredPeriods.Count} ranges; at most {MaxInsuredPeriods}.");
        }
        var sb = new StringBuilder();
        for (var i = 0; i < r.InsuredPeriods.Count; i++)
        {
            var range = r.InsuredPeriods[i];
            var prefix = $"insured_periods[{i}]";
            if (Fields.Period(prefix + ".from_period", range.FromPeriod, context, out var from) is { } f1)
            {
                return f1;
            }
            if (Fields.Period(prefix + ".to_period", range.ToPeriod, context, out var to) is { } f2)
            {
                return f2;
            }
            if (to < from)
            {
                return new RecordFault(prefix + ".to_period", RejectionCodes.MonthRangeReversed,
                    $"{prefix}.to_period {range.ToPeriod} is before from_period {range.FromPeriod}.");
            }
            sb.Append(i == 0 ? "" : ",").Append(from).Append('-').Append(to);
        }
        canonical = sb.ToString();
        return null;
    }
}

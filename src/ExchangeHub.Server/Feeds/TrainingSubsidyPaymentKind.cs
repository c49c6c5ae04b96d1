using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Feeds;

/// <summary>Vocational-training subsidies paid for certificates → <c>training_subsidy_payments</c>.</summary>
public sealed class TrainingSubsidyPaymentKind : IFeedKind<TrainingSubsidyPaymentRecord>
{
    public FeedTable Table { get; } = new("training_subsidy_payments",
        ["certificate_number", "recipient_kind", "recipient_id", "amount_fen", "paid_date", "ledger_sequence"],
        appliesFromColumn: "paid_date", certificateColumn: "certificate_number");

    public string SourceRecordId(TrainingSubsidyPaymentRecord record) => record.SourceRecordId;

    public int Revision(TrainingSubsidyPaymentRecord record) => record.Revision;

    public RecordFault? Validate(TrainingSubsidyPaymentRecord r, ValidationContext context, out object?[] values)
    {
        values = [];
        DateOnly paid = default;
        var fault = Fields.Code("certificate_number", r.CertificateNumber, 64)
            ?? Fields.Enum("recipient_kind", r.RecipientKind)
            ?? Recipient(r, context)
            ?? Fields.Amount("amount_fen", r.AmountFen)
            ?? Fields.Date("paid_date", r.PaidDate, context, out paid)
            ?? Fields.Count("ledger_sequence", r.LedgerSequence, 0, Fields.MaxFigure);
        if (fault is not null)
        {
            return fault;
        }
        values =
        [
            r.CertificateNumber, StoredCode.Of(r.RecipientKind), r.RecipientId, r.AmountFen, paid,
            r.LedgerSequence == 0 ? null : r.LedgerSequence,
        ];
        return null;
    }

    /// <summary>A unit is named by its USCC, a person by the resident id.</summary>
    private static RecordFault? Recipient(TrainingSubsidyPaymentRecord r, ValidationContext context) =>
        r.RecipientKind == SubsidyRecipientKind.Unit
            ? Uscc.Check("recipient_id", r.RecipientId)
            : ResidentId.Check("recipient_id", r.RecipientId, context.Today);
}

using ExchangeHub.Benchmarks.Data;
using ExchangeHub.V1;

namespace ExchangeHub.Benchmarks.Ingest;

/// <summary>Turns the data set into stream messages, one batch at a time.</summary>
internal static class ContributionBatches
{
    public static IEnumerable<PushContributionsRequest> Create(ContributionDataset data, int batchSize) =>
        Create(data, batchSize, 1, data.Lines);

    /// <summary>Lines <paramref name="firstLine"/> to <paramref name="firstLine"/> + <paramref name="count"/> - 1 (1-based).</summary>
    public static IEnumerable<PushContributionsRequest> Create(ContributionDataset data, int batchSize, long firstLine, long count)
    {
        var request = new PushContributionsRequest();
        for (var n = firstLine; n < firstLine + count; n++)
        {
            var record = data.Get(n);
            request.Lines.Add(ToProto(record));
            if (request.Lines.Count == batchSize)
            {
                yield return request;
                request = new PushContributionsRequest();
            }
        }

        if (request.Lines.Count > 0)
        {
            yield return request;
        }
    }

    public static ContributionLine ToProto(ContributionRecord r) => new()
    {
        SourceRecordId = r.SourceRecordId,
        Revision = ContributionRecord.Revision,
        Uscc = r.Uscc,
        ResidentId = r.ResidentId,
        Period = r.Period,
        EmployerAmountFen = r.EmployerAmountFen,
        EmployeeAmountFen = r.EmployeeAmountFen,
        WageBaseFen = r.WageBaseFen,
        Kind = ContributionKind.Regular,
        ReceivedDate = r.ReceivedDateText,
        TaxOfficeCode = r.TaxOfficeCode,
    };
}

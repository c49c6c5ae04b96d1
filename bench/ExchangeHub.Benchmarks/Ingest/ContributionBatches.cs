using ExchangeHub.Benchmarks.Data;
using ExchangeHub.V1;

namespace ExchangeHub.Benchmarks.Ingest;

/// <summary>Turns the data set into stream messages, one batch at a time.</summary>
internal static class ContributionBatches
{
    public static IEnumerable<PushContributionsRequest> Create(ContributionDataset data, int batchSize)
    {
        var request = new PushContributionsRequest();
        foreach (var record in data.Enumerate())
        {
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

using ExchangeHub.Benchmarks.Data;
using ExchangeHub.Benchmarks.Reporting;

namespace ExchangeHub.Benchmarks.Ingest;

/// <summary>
/// Issue 13, item 7: the whole stream sent again after it was stored, as a client does after a dropped connection. Every
/// line is a duplicate; the hub reads the stored versions of a batch in one query, so the retry runs at least half as
/// fast as the first send (<see cref="RetryReport.Goal"/>).
/// </summary>
internal static class StreamRetry
{
    public static async Task<RetryReport> RunAsync(Uri address, ContributionDataset data, int batchSize, PushResult first)
    {
        Console.WriteLine("  retrying the whole stream (timed)...");
        var retry = await HubPusher.PushAsync(address, data, batchSize);
        if (retry.Summary is not { } s || s.Duplicate != data.Lines || s.Accepted != 0 || s.Rejected != 0 || s.Corrected != 0)
        {
            throw new BenchmarkException($"retry: sent {data.Lines:N0}, duplicate {retry.Summary?.Duplicate:N0}, accepted {retry.Summary?.Accepted:N0}, "
                + $"corrected {retry.Summary?.Corrected:N0}, rejected {retry.Summary?.Rejected:N0}; every line should be a duplicate.");
        }
        var report = RetryReport.Of(first, retry);
        Console.WriteLine($"  hub retry: {retry.LinesSent:N0} lines in {retry.Elapsed.TotalSeconds:N2} s ({report.RowsPerSecond:N0}/s), "
            + $"{report.RatioToFirstSend:N2} × the first send (goal >= {RetryReport.Goal:N1}: {(report.RatioPass ? "PASS" : "FAIL")})");
        return report;
    }
}

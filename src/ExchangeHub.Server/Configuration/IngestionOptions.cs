namespace ExchangeHub.Server.Configuration;

/// <summary>Limits of the ingestion feeds.</summary>
public sealed class IngestionOptions
{
    /// <summary>Most records in one batch (stream message); more is a malformed call.</summary>
    public int MaxRecordsPerBatch { get; set; } = 10_000;

    /// <summary>Largest message the hub accepts, in bytes; larger → RESOURCE_EXHAUSTED.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Most rejections listed in one call's summary; the rest are counted (<c>rejections_not_listed</c>). 1,000 listed
    /// rejections take a few hundred KB, well under a client's default 4 MB receive limit.
    /// </summary>
    public int MaxRejectionsListed { get; set; } = 1000;

    /// <summary>Earliest contribution period accepted, yyyy-MM (失业保险条例 took effect in 1999).</summary>
    public string EarliestPeriod { get; set; } = "1999-01";
}

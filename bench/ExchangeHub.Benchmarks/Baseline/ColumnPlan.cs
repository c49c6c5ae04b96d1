using ExchangeHub.Benchmarks.Data;

namespace ExchangeHub.Benchmarks.Baseline;

/// <summary>Where the baseline CSV gets a column's value from.</summary>
internal enum ColumnSourceKind
{
    /// <summary>Computed from the generated line, the same way the hub stored it (checked on sample rows).</summary>
    Line,

    /// <summary>The same value in every hub row (e.g. the calling agency); NULL becomes '' (sqlite3 .import writes no NULL).</summary>
    Constant,

    /// <summary>A value the hub computed per row (e.g. a timestamp or hash): copied from the hub's row of the same line.</summary>
    CopiedFromHub,
}

/// <summary>How one column of the baseline CSV is filled.</summary>
internal sealed record ColumnPlan(
    TableColumn Column,
    ColumnSourceKind Kind,
    string Description,
    Func<ContributionRecord, string>? Encode = null,
    string? ConstantValue = null);

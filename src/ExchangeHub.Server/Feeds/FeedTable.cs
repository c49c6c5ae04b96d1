using System.Globalization;
using System.Text;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Feeds;

/// <summary>
/// A table of feed records as the ingestion hot path sees it: the identity columns every feed table has, then the
/// record kind's own columns in <see cref="Columns"/> order. The SQL is the same on SQLite and PostgreSQL.
/// </summary>
public sealed class FeedTable
{
    public FeedTable(string name, IReadOnlyList<string> columns, string appliesFromColumn, string? unitColumn = null, string? personColumn = null,
        string? certificateColumn = null)
    {
        Name = name;
        Columns = columns;
        AppliesFromIndex = columns.ToList().IndexOf(appliesFromColumn);
        if (AppliesFromIndex < 0)
        {
            throw new ArgumentException($"{appliesFromColumn} is not a column of {name}.", nameof(appliesFromColumn));
        }
        UnitIndex = IndexOf(name, columns, unitColumn, nameof(unitColumn));
        PersonIndex = IndexOf(name, columns, personColumn, nameof(personColumn));
        CertificateIndex = IndexOf(name, columns, certificateColumn, nameof(certificateColumn));

        var all = string.Join(", ", columns);
        InsertSql = $"INSERT INTO {name} (agency_id, source_record_id, revision, recorded_at_unix_ms, {all}) VALUES ({Parameters(0, columns.Count + 4)}) "
            + "ON CONFLICT (agency_id, source_record_id) DO NOTHING";
        var stored = $"SELECT source_record_id, id, revision, recorded_at_unix_ms, {all} FROM {name} WHERE agency_id = @p0 AND source_record_id ";
        SqliteSelectStoredSql = stored + "IN (SELECT value FROM json_each(@p1))";
        PostgresSelectStoredSql = stored + "= ANY(@p1)";
        var sets = string.Join(", ", columns.Select((c, i) => $"{c} = @p{(i + 2).ToString(CultureInfo.InvariantCulture)}"));
        CopyInsert = new PostgresCopyInsert(name, ["agency_id", "source_record_id", "revision", "recorded_at_unix_ms", .. columns],
            "agency_id", "source_record_id");
        UpdateSql = $"UPDATE {name} SET revision = @p0, recorded_at_unix_ms = @p1, {sets} WHERE id = @p{(columns.Count + 2).ToString(CultureInfo.InvariantCulture)}";
    }

    public string Name { get; }
    public IReadOnlyList<string> Columns { get; }
    /// <summary>Which column holds the business date a version applies from (kept in history).</summary>
    public int AppliesFromIndex { get; }
    /// <summary>
    /// Which column holds the unit (USCC) a record is a fact of, for the refund decisions that follow the data
    /// (Common/Followups); -1 when the table's records are no unit's refund facts.
    /// </summary>
    public int UnitIndex { get; }
    /// <summary>Which column holds the person (resident id) a record is a fact of, for the person programmes' follow-ups; -1: none.</summary>
    public int PersonIndex { get; }
    /// <summary>Which column holds the certificate number a record is a fact of (its holder's skill subsidy follows); -1: none.</summary>
    public int CertificateIndex { get; }
    /// <summary>Whether a record of this table is a fact some decision follows.</summary>
    public bool Followed => UnitIndex >= 0 || PersonIndex >= 0 || CertificateIndex >= 0;
    public string InsertSql { get; }
    /// <summary>
    /// The stored versions of many source ids of one agency in one query: <c>@p1</c> is a JSON array of ids on SQLite
    /// (<c>json_each</c>: no limit on bound parameters), a <c>text[]</c> on PostgreSQL. Columns: source_record_id, id,
    /// revision, recorded_at_unix_ms, then <see cref="Columns"/>.
    /// </summary>
    public string SqliteSelectStoredSql { get; }
    /// <inheritdoc cref="SqliteSelectStoredSql"/>
    public string PostgresSelectStoredSql { get; }
    public string UpdateSql { get; }
    /// <summary>PostgreSQL: new records of a batch by binary COPY, in the same column order as <see cref="InsertSql"/>.</summary>
    public PostgresCopyInsert CopyInsert { get; }

    public const string VersionInsertSql =
        "INSERT INTO record_versions (record_table, record_id, agency_id, source_record_id, revision, applies_from, "
        + "recorded_at_unix_ms, superseded_at_unix_ms, content) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)";

    private static int IndexOf(string table, IReadOnlyList<string> columns, string? column, string parameter)
    {
        var index = column is null ? -1 : columns.ToList().IndexOf(column);
        return column is not null && index < 0 ? throw new ArgumentException($"{column} is not a column of {table}.", parameter) : index;
    }

    private static string Parameters(int from, int count)
    {
        var sb = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            sb.Append(i == from ? "@p" : ", @p").Append(i.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}

using System.Globalization;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// The SQL of the facts as of D (<c>@d</c>) and T (<c>@t</c>), per provider ("FACTS"). A record's version as of D and T
/// is the current row when it was recorded at or before T and its business date (received date, status date) is on or
/// before D; else the newest version in <c>record_versions</c> recorded at or before T with a business date on or
/// before D (a version superseded after T, or superseded by one dated after D, still counts); else none. Units have
/// no business-date filter: their registration on D is read from the status date (<see cref="StoredFactsReader"/>).
/// Each query streams its rows ordered by USCC in ordinal (byte) order, so a run reads them chunk by chunk. The two
/// providers differ only in how a superseded version's JSON content is read and in the byte-order collation.
/// </summary>
public static class FactsSql
{
    /// <summary>
    /// The contribution aggregate as of D and T: the hot query of a run, one GROUP BY over the lines in force (the
    /// benchmark's baseline runs this same text with the same parameters). Cancelled lines (0 employer and 0 employee)
    /// count for nothing. Headcount counts the insured kinds, then employer and employee sums per kind.
    /// </summary>
    public static string MonthAggregate(StorageProvider provider, bool oneUnit = false) =>
        $"SELECT uscc, period, COUNT(DISTINCT CASE WHEN kind IN {StoredLineKind.InsuredKindsSql} THEN resident_id END), "
        + Sums(StoredLineKind.Regular) + ", " + Sums(StoredLineKind.BackPayment) + ", " + Sums(StoredLineKind.LateFee) + " "
        + "FROM " + LinesInForce(provider) + " l WHERE " + NotCancelled + OneUnit(oneUnit, " AND") + " "
        + $"GROUP BY uscc, period ORDER BY uscc{ByteOrder(provider)}, period";

    /// <summary>
    /// The contribution lines in force as of D and T, as a derived table (uscc, resident_id, period, kind,
    /// employer_amount_fen, employee_amount_fen): the one definition every programme's lines come from (refunds' month
    /// aggregate, persons' insured months). Cancelled lines are still in it: filter with <see cref="NotCancelled"/>.
    /// </summary>
    public static string LinesInForce(StorageProvider provider) => LinesInForce(provider, withSourceAndWageBase: false);

    /// <summary>
    /// The lines in force as of D and T with their source id and wage base as well (the contribution-rate check, 1.(1),
    /// compares each line's amounts with its base): the same versions as <see cref="LinesInForce(StorageProvider)"/>.
    /// </summary>
    public static string LinesInForceForRateCheck(StorageProvider provider) => LinesInForce(provider, withSourceAndWageBase: true);

    private static string LinesInForce(StorageProvider provider, bool withSourceAndWageBase) =>
        "(SELECT " + (withSourceAndWageBase ? "source_record_id, wage_base_fen, " : "")
        + "uscc, resident_id, period, kind, employer_amount_fen, employee_amount_fen FROM contribution_lines "
        + "WHERE recorded_at_unix_ms <= @t AND received_date <= @d UNION ALL SELECT "
        + (withSourceAndWageBase ? $"v.source_record_id, {Number(provider, "wage_base_fen", "BIGINT")}, " : "")
        + $"{Text(provider, "uscc")}, {Text(provider, "resident_id")}, {Number(provider, "period", "INTEGER")}, {Number(provider, "kind", "INTEGER")}, "
        + $"{Number(provider, "employer_amount_fen", "BIGINT")}, {Number(provider, "employee_amount_fen", "BIGINT")} "
        + SupersededInForce("contribution_lines", "received_date") + ")";

    /// <summary>FACTS "Cancelled lines": a line corrected to 0 employer and 0 employee amount counts for nothing.</summary>
    public const string NotCancelled = "(employer_amount_fen <> 0 OR employee_amount_fen <> 0)";

    /// <summary>Settlement statuses as of D and T (one row per record); the status in force per month is chosen in C#.</summary>
    public static string Settlements(StorageProvider provider, bool oneUnit = false) =>
        "SELECT * FROM (SELECT uscc, period, status, status_date, recorded_at_unix_ms FROM settlement_statuses "
        + "WHERE recorded_at_unix_ms <= @t AND status_date <= @d UNION ALL SELECT "
        + $"{Text(provider, "uscc")}, {Number(provider, "period", "INTEGER")}, {Number(provider, "status", "INTEGER")}, v.applies_from, v.recorded_at_unix_ms "
        + SupersededInForce("settlement_statuses", "status_date") + ") s" + OneUnit(oneUnit, " WHERE") + $" ORDER BY uscc{ByteOrder(provider)}";

    /// <summary>Unit records as known at T (one row per record, with its agency and source id).</summary>
    public static string Units(StorageProvider provider, bool oneUnit = false) =>
        "SELECT * FROM (SELECT uscc, organisation_type, registration_status, status_date, labour_dispatch, size_class, size_class_source, "
        + "industry_code, employees, revenue_fen, total_assets_fen, division_code, recorded_at_unix_ms, agency_id, source_record_id "
        + "FROM units WHERE recorded_at_unix_ms <= @t UNION ALL SELECT "
        + $"{Text(provider, "uscc")}, {Number(provider, "organisation_type", "INTEGER")}, {Number(provider, "registration_status", "INTEGER")}, "
        + $"{Number(provider, "status_date", "DATE")}, {Number(provider, "labour_dispatch", "BOOLEAN")}, {Number(provider, "size_class", "INTEGER")}, "
        + $"{Number(provider, "size_class_source", "INTEGER")}, {Text(provider, "industry_code")}, {Number(provider, "employees", "BIGINT")}, "
        + $"{Number(provider, "revenue_fen", "BIGINT")}, {Number(provider, "total_assets_fen", "BIGINT")}, {Text(provider, "division_code")}, "
        + "v.recorded_at_unix_ms, v.agency_id, v.source_record_id "
        + SupersededInForce("units", null) + ") u" + OneUnit(oneUnit, " WHERE") + $" ORDER BY uscc{ByteOrder(provider)}";

    /// <summary>
    /// The national transfer system's requests as known at T (id, source_record_id, then the columns below). No
    /// business-date filter: what a request says is knowledge; what it brings on D follows the case's status history
    /// (Storage/TransferCaseStatusRow).
    /// </summary>
    public static string TransferRequests(StorageProvider provider) => KnownAt(provider, "transfer_requests", ("resident_id", null),
        ("direction", "INTEGER"), ("counterpart_province_code", null), ("insured_periods", null), ("benefit_months_paid", "INTEGER"),
        ("consolidation_place", "INTEGER"), ("requested_date", "DATE"));

    /// <summary>Skill certificates as known at T (id, source_record_id, then the columns below); the reader picks the newest per number and filters by D.</summary>
    public static string SkillCertificates(StorageProvider provider) => KnownAt(provider, "skill_certificates", ("certificate_number", null),
        ("resident_id", null), ("occupation_code", null), ("level", "INTEGER"), ("issue_date", "DATE"));

    /// <summary>Training subsidy payments as known at T (id, source_record_id, then the columns below); as <see cref="SkillCertificates"/>.</summary>
    public static string TrainingPayments(StorageProvider provider) => KnownAt(provider, "training_subsidy_payments", ("certificate_number", null),
        ("recipient_kind", "INTEGER"), ("recipient_id", null), ("amount_fen", "BIGINT"), ("paid_date", "DATE"), ("ledger_sequence", "BIGINT"));

    /// <summary>
    /// A feed table's records as known at T, as a derived table (id, source_record_id, <paramref name="columns"/>): the
    /// current row when recorded by T, else the version it had at T (<c>record_versions</c>, its row id kept, so "the
    /// newest id" or "the first stored" stays the same); a record first stored after T is not there. A column's type
    /// is null for text.
    /// </summary>
    private static string KnownAt(StorageProvider provider, string table, params (string Name, string? Type)[] columns) =>
        $"(SELECT id, source_record_id, {string.Join(", ", columns.Select(c => c.Name))} FROM {table} WHERE recorded_at_unix_ms <= @t "
        + "UNION ALL SELECT v.record_id, v.source_record_id, "
        + string.Join(", ", columns.Select(c => c.Type is null ? Text(provider, c.Name) : Number(provider, c.Name, c.Type)))
        + " " + SupersededInForce(table, null) + ")";

    /// <summary>How many units a run has at least: those market regulation or the tax bureau's settlements name (lines may add more).</summary>
    public const string KnownUnitsSql = "SELECT COUNT(*) FROM (SELECT uscc FROM units UNION SELECT uscc FROM settlement_statuses) k";

    /// <summary>
    /// The superseded versions in force: recorded at or before T, dated on or before D, whose current row is not in
    /// force and that no newer version in force replaces.
    /// </summary>
    private static string SupersededInForce(string table, string? dateColumn)
    {
        var dated = dateColumn is null ? "" : " AND v.applies_from <= @d";
        var datedNewer = dateColumn is null ? "" : " AND w.applies_from <= @d";
        var currentDated = dateColumn is null ? "" : $" AND c.{dateColumn} <= @d";
        return $"FROM record_versions v WHERE v.record_table = '{table}' AND v.recorded_at_unix_ms <= @t{dated} "
            + $"AND NOT EXISTS (SELECT 1 FROM {table} c WHERE c.id = v.record_id AND c.recorded_at_unix_ms <= @t{currentDated}) "
            + "AND NOT EXISTS (SELECT 1 FROM record_versions w WHERE w.record_table = v.record_table AND w.record_id = v.record_id "
            + $"AND w.revision > v.revision AND w.recorded_at_unix_ms <= @t{datedNewer})";
    }

    /// <summary>A column of a superseded version (its content is a JSON object of canonical text values, see Feeds/FeedRecordWriter).</summary>
    private static string Text(StorageProvider provider, string column) => provider == StorageProvider.Postgres
        ? $"(v.content::jsonb ->> '{column}')"
        : $"json_extract(v.content, '$.{column}')";

    private static string Number(StorageProvider provider, string column, string type) => provider == StorageProvider.Sqlite && type == "DATE"
        ? Text(provider, column)
        : $"CAST({Text(provider, column)} AS {type})";

    /// <summary>One unit's facts only (<c>@uscc</c>): the front office deciding one unit.</summary>
    private static string OneUnit(bool oneUnit, string keyword) => oneUnit ? $"{keyword} uscc = @uscc" : "";

    /// <summary>USCCs in byte order on both providers (SQLite's BINARY collation is byte order already).</summary>
    private static string ByteOrder(StorageProvider provider) => provider == StorageProvider.Postgres ? " COLLATE \"C\"" : "";

    /// <summary>The employer and the employee amounts of one kind of line, summed as two BIGINT columns.</summary>
    private static string Sums(int kind) => string.Create(CultureInfo.InvariantCulture,
        $"CAST(SUM(CASE WHEN kind = {kind} THEN employer_amount_fen ELSE 0 END) AS BIGINT), "
        + $"CAST(SUM(CASE WHEN kind = {kind} THEN employee_amount_fen ELSE 0 END) AS BIGINT)");
}

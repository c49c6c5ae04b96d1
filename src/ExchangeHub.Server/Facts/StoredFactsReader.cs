using System.Data.Common;
using System.Globalization;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// Reads the facts of every unit from the stored feeds with three scans: the units, one GROUP BY over the
/// contribution lines (headcount and amounts per unit-month and kind), and the settlement statuses. The same SQL runs
/// on SQLite and PostgreSQL. Which version of a record is "current" is decided here and nowhere else.
/// </summary>
public sealed class StoredFactsReader(HubDatabase database)
{
    /// <summary>
    /// The contribution aggregate: the hot query of a run (the benchmark compares it with sqlite3 running it alone).
    /// Headcount counts the insured kinds, then employer and employee sums per kind: regular, back payment, late fee.
    /// </summary>
    public static readonly string MonthAggregateSql =
        $"SELECT uscc, period, COUNT(DISTINCT CASE WHEN kind IN {StoredLineKind.InsuredKindsSql} THEN resident_id END), "
        + Sums(StoredLineKind.Regular) + ", " + Sums(StoredLineKind.BackPayment) + ", " + Sums(StoredLineKind.LateFee) + " "
        + "FROM contribution_lines GROUP BY uscc, period";

    private const string UnitSql =
        "SELECT uscc, organisation_type, registration_status, status_date, labour_dispatch, size_class, size_class_source, "
        + "industry_code, employees, revenue_fen, total_assets_fen, division_code, recorded_at_unix_ms, id FROM units";

    private const string SettlementSql =
        "SELECT uscc, period, status, status_date, recorded_at_unix_ms, id FROM settlement_statuses";

    public async Task<StoredFacts> ReadAsync(CancellationToken ct)
    {
        var facts = new StoredFacts();
        await using var connection = await database.OpenReaderAsync(ct);
        await ReadUnitsAsync(connection, facts, ct);
        await ReadMonthsAsync(connection, facts, ct);
        await ReadSettlementsAsync(connection, facts, ct);
        return facts;
    }

    private static async Task ReadUnitsAsync(DbConnection connection, StoredFacts facts, CancellationToken ct)
    {
        var newest = new Dictionary<string, (long RecordedAt, long Id)>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = UnitSql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var uscc = reader.GetString(0);
            var version = (reader.GetInt64(12), reader.GetInt64(13));
            if (newest.TryGetValue(uscc, out var seen) && seen.CompareTo(version) > 0)
            {
                continue;
            }
            newest[uscc] = version;
            facts.Units[uscc] = new UnitSnapshot(
                uscc,
                StoredEnums.OrganisationType(reader.GetInt32(1)),
                StoredEnums.RegistrationStatus(reader.GetInt32(2)),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                reader.GetBoolean(4),
                StoredEnums.SizeClass(reader.GetInt32(5)),
                StoredEnums.SizeClassSource(reader.GetInt32(6)),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9),
                reader.IsDBNull(10) ? null : reader.GetInt64(10),
                reader.GetString(11));
        }
    }

    private static async Task ReadMonthsAsync(DbConnection connection, StoredFacts facts, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = MonthAggregateSql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var uscc = reader.GetString(0);
            if (!facts.Months.TryGetValue(uscc, out var months))
            {
                months = [];
                facts.Months[uscc] = months;
            }
            months.Add(new MonthAggregate(reader.GetInt32(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)));
        }
        foreach (var months in facts.Months.Values)
        {
            months.Sort((a, b) => a.Period.CompareTo(b.Period));
        }
    }

    private static async Task ReadSettlementsAsync(DbConnection connection, StoredFacts facts, CancellationToken ct)
    {
        var newest = new Dictionary<(string, int), (DateOnly StatusDate, long RecordedAt, long Id)>();
        await using var command = connection.CreateCommand();
        command.CommandText = SettlementSql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = (reader.GetString(0), reader.GetInt32(1));
            var version = (reader.GetFieldValue<DateOnly>(3), reader.GetInt64(4), reader.GetInt64(5));
            if (newest.TryGetValue(key, out var seen) && seen.CompareTo(version) > 0)
            {
                continue;
            }
            newest[key] = version;
            if (!facts.Settlements.TryGetValue(key.Item1, out var months))
            {
                months = [];
                facts.Settlements[key.Item1] = months;
            }
            months[key.Item2] = StoredEnums.SettlementStatus(reader.GetInt32(2));
        }
    }

    /// <summary>The employer and the employee amounts of one kind of line, summed as two BIGINT columns.</summary>
    private static string Sums(int kind) => string.Create(CultureInfo.InvariantCulture,
        $"CAST(SUM(CASE WHEN kind = {kind} THEN employer_amount_fen ELSE 0 END) AS BIGINT), "
        + $"CAST(SUM(CASE WHEN kind = {kind} THEN employee_amount_fen ELSE 0 END) AS BIGINT)");

    /// <summary>yyyymm → <see cref="YearMonth"/>.</summary>
    public static YearMonth Month(int period) => new(period / 100, period % 100);
}

using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// Reads units' facts as of D and T ("FACTS", <see cref="FactsSql"/>) from the stored feeds, a chunk of units at a time:
/// three queries ordered by USCC — the units, one GROUP BY over the contribution lines, the settlement statuses — each
/// streamed on its own reader connection and merged by USCC, so memory holds one chunk, never the population. Which
/// version of a record counts on D, and which agency's record, is decided here and nowhere else.
/// </summary>
public sealed class StoredFactsReader(HubDatabase database)
{
    /// <summary>The facts of every unit as of <paramref name="asOf"/>, <paramref name="unitsPerChunk"/> units at a time, in USCC order.</summary>
    public async IAsyncEnumerable<StoredFacts> ReadChunksAsync(FactsAsOf asOf, int unitsPerChunk, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var units = await OpenAsync(FactsSql.Units(database.Provider), asOf, null, ct);
        await using var months = await OpenAsync(FactsSql.MonthAggregate(database.Provider), asOf, null, ct);
        await using var settlements = await OpenAsync(FactsSql.Settlements(database.Provider), asOf, null, ct);
        var chunk = new StoredFacts();
        while (Next(units, months, settlements) is { } uscc)
        {
            await ReadUnitAsync(uscc, units, months, settlements, chunk, asOf.DecisionDate, ct);
            if (chunk.Subjects.Count == unitsPerChunk)
            {
                yield return chunk;
                chunk = new StoredFacts();
            }
        }
        if (chunk.Subjects.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>One unit's facts as of <paramref name="asOf"/> (no subject when no feed has reported it).</summary>
    public async Task<StoredFacts> ReadOneAsync(string uscc, FactsAsOf asOf, CancellationToken ct)
    {
        var facts = new StoredFacts();
        await ReadIntoAsync(uscc, asOf, facts, ct);
        return facts;
    }

    /// <summary>
    /// A few named units' facts as of <paramref name="asOf"/> as one chunk, in USCC order (the units a follow-up round
    /// re-decides): the one-unit queries per unit, so the cost follows the units named, not the population.
    /// </summary>
    public async Task<StoredFacts> ReadUnitsAsync(IEnumerable<string> usccs, FactsAsOf asOf, CancellationToken ct)
    {
        var facts = new StoredFacts();
        foreach (var uscc in usccs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await ReadIntoAsync(uscc, asOf, facts, ct);
        }
        return facts;
    }

    private async Task ReadIntoAsync(string uscc, FactsAsOf asOf, StoredFacts facts, CancellationToken ct)
    {
        await using var units = await OpenAsync(FactsSql.Units(database.Provider, oneUnit: true), asOf, uscc, ct);
        await using var months = await OpenAsync(FactsSql.MonthAggregate(database.Provider, oneUnit: true), asOf, uscc, ct);
        await using var settlements = await OpenAsync(FactsSql.Settlements(database.Provider, oneUnit: true), asOf, uscc, ct);
        if (Next(units, months, settlements) is { } found)
        {
            await ReadUnitAsync(found, units, months, settlements, facts, asOf.DecisionDate, ct);
        }
    }

    /// <summary>How many units a run has at least (its progress total until the lines show more).</summary>
    public async Task<int> KnownUnitsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = FactsSql.KnownUnitsSql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private async Task<OrderedRows> OpenAsync(string sql, FactsAsOf asOf, string? uscc, CancellationToken ct)
    {
        var connection = await database.OpenReaderAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.With("@d", asOf.DecisionDate).With("@t", asOf.KnowledgeTimeUnixMs);
        if (uscc is not null)
        {
            command.With("@uscc", uscc);
        }
        var reader = await command.ExecuteReaderAsync(ct);
        var rows = new OrderedRows(connection, command, reader);
        await rows.MoveAsync(ct);
        return rows;
    }

    /// <summary>The smallest USCC any of the three streams is at; null when all are done.</summary>
    private static string? Next(params OrderedRows[] streams)
    {
        string? next = null;
        foreach (var stream in streams)
        {
            if (stream.Uscc is { } uscc && (next is null || string.CompareOrdinal(uscc, next) < 0))
            {
                next = uscc;
            }
        }
        return next;
    }

    private static async Task ReadUnitAsync(string uscc, OrderedRows units, OrderedRows months, OrderedRows settlements, StoredFacts facts,
        DateOnly decisionDate, CancellationToken ct)
    {
        facts.Subjects.Add(uscc);
        var records = new List<(UnitSnapshot Unit, long RecordedAt)>();
        for (; units.Uscc == uscc; await units.MoveAsync(ct))
        {
            records.Add((Unit(units.Reader, decisionDate), units.Reader.GetInt64(12)));
        }
        if (records.Count > 0)
        {
            AddUnit(uscc, records, facts);
        }

        List<MonthAggregate>? aggregates = null;
        for (; months.Uscc == uscc; await months.MoveAsync(ct))
        {
            var r = months.Reader;
            (aggregates ??= []).Add(new MonthAggregate(r.GetInt32(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
                r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)));
        }
        if (aggregates is not null)
        {
            facts.Months[uscc] = aggregates;
        }

        // The status in force on D: latest status date (all are ≤ D here), then latest recorded.
        var newest = new Dictionary<int, (DateOnly StatusDate, long RecordedAt, SettlementStatus Status)>();
        for (; settlements.Uscc == uscc; await settlements.MoveAsync(ct))
        {
            var r = settlements.Reader;
            var version = (r.GetFieldValue<DateOnly>(3), r.GetInt64(4), StoredEnums.SettlementStatus(r.GetInt32(2)));
            var period = r.GetInt32(1);
            if (!newest.TryGetValue(period, out var seen) || (seen.StatusDate, seen.RecordedAt).CompareTo((version.Item1, version.Item2)) < 0)
            {
                newest[period] = version;
            }
        }
        if (newest.Count > 0)
        {
            facts.Settlements[uscc] = newest.ToDictionary(n => n.Key, n => n.Value.Status);
        }
    }

    /// <summary>
    /// Same agency, several records: the newest recorded wins. Several agencies: the first (by agency id) stands as the
    /// unit, and every fact the rules use that another agency reports differently is a conflict ("FACTS", sources).
    /// </summary>
    private static void AddUnit(string uscc, List<(UnitSnapshot Unit, long RecordedAt)> records, StoredFacts facts)
    {
        var byAgency = records
            .GroupBy(r => r.Unit.AgencyId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Unit.SourceRecordId, StringComparer.Ordinal).First().Unit)
            .ToList();
        var first = byAgency[0];
        // A unit one agency has not classified yet takes the class another agency reported: absent is not a
        // different value, so it is no conflict either (issue 13: size_class optional).
        if (first.SizeClass is null && byAgency.FirstOrDefault(u => u.SizeClass is not null) is { } classified)
        {
            first = first with { SizeClass = classified.SizeClass, SizeClassSource = classified.SizeClassSource };
        }
        facts.Units[uscc] = first;
        var conflicts = byAgency.Skip(1).SelectMany(other => Conflicts(first, other)).ToList();
        if (conflicts.Count > 0)
        {
            facts.Conflicts[uscc] = conflicts;
        }
    }

    private static IEnumerable<UnitConflict> Conflicts(UnitSnapshot first, UnitSnapshot other)
    {
        (string Fact, string First, string Other)[] facts =
        [
            (nameof(RefundFacts.OrganisationType), first.OrganisationType.ToString(), other.OrganisationType.ToString()),
            (nameof(RefundFacts.RegistrationStatus), first.RegistrationStatus.ToString(), other.RegistrationStatus.ToString()),
            (nameof(RefundFacts.SizeClass), first.SizeClass?.ToString() ?? "", other.SizeClass?.ToString() ?? ""),
            (nameof(RefundFacts.SizeClassSource), first.SizeClassSource?.ToString() ?? "", other.SizeClassSource?.ToString() ?? ""),
            (nameof(RefundFacts.IsLabourDispatch), first.LabourDispatch ? "true" : "false", other.LabourDispatch ? "true" : "false"),
        ];
        return facts.Where(f => f.First != f.Other && !(f.Fact.StartsWith(nameof(RefundFacts.SizeClass), StringComparison.Ordinal) && other.SizeClass is null))
            .Select(f => new UnitConflict(f.Fact, first, f.First, other, f.Other));
    }

    /// <summary>One unit record; its registration on D: a deregistration or revocation dated after D is not in force yet.</summary>
    private static UnitSnapshot Unit(DbDataReader reader, DateOnly decisionDate)
    {
        var status = StoredEnums.RegistrationStatus(reader.GetInt32(2));
        DateOnly? statusDate = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3);
        if (status != RegistrationStatus.Active && statusDate > decisionDate)
        {
            (status, statusDate) = (RegistrationStatus.Active, null);
        }
        return new UnitSnapshot(
            reader.GetString(0),
            StoredEnums.OrganisationType(reader.GetInt32(1)),
            status,
            statusDate,
            reader.GetBoolean(4),
            StoredEnums.SizeClass(reader.GetInt32(5)),
            StoredEnums.SizeClassSource(reader.GetInt32(6)),
            reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetInt64(8),
            reader.IsDBNull(9) ? null : reader.GetInt64(9),
            reader.IsDBNull(10) ? null : reader.GetInt64(10),
            reader.GetString(11),
            reader.GetString(13),
            reader.GetString(14));
    }

    /// <summary>yyyymm → <see cref="YearMonth"/>.</summary>
    public static YearMonth Month(int period) => new(period / 100, period % 100);

    /// <summary>One query's rows, ordered by USCC (column 0), on its own connection.</summary>
    private sealed class OrderedRows(DbConnection connection, DbCommand command, DbDataReader reader) : IAsyncDisposable
    {
        public DbDataReader Reader => reader;

        /// <summary>The USCC of the current row; null past the last.</summary>
        public string? Uscc { get; private set; }

        public async Task MoveAsync(CancellationToken ct) => Uscc = await reader.ReadAsync(ct) ? reader.GetString(0) : null;

        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

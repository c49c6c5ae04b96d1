using System.Globalization;
using System.Text.RegularExpressions;
using ExchangeHub.Benchmarks.Data;

namespace ExchangeHub.Benchmarks.Baseline;

/// <summary>
/// Decides, column by column, how the baseline CSV reproduces what the hub stored: by comparing sample rows of the
/// hub's table with the generated lines they came from (found through their source_record_id "L&lt;n&gt;").
/// </summary>
internal static partial class ColumnMapper
{
    private const int SamplesPerSpot = 8;

    public static IReadOnlyList<ColumnPlan> Resolve(string hubDb, HubTable table, ContributionDataset data)
    {
        var samples = new List<Dictionary<string, string?>>();
        foreach (var offset in new[] { 0L, table.RowCount / 2, Math.Max(0, table.RowCount - SamplesPerSpot) })
        {
            samples.AddRange(SqliteCli.Query(hubDb, $"SELECT * FROM {table.Quoted} LIMIT {SamplesPerSpot} OFFSET {offset};")
                .Select(row => row.ToDictionary(kv => kv.Key, kv => HubTable.Text(kv.Value), StringComparer.Ordinal)));
        }

        if (samples.Count == 0)
        {
            throw new BenchmarkException($"the hub's table {table.Name} is empty; nothing to compare the baseline with.");
        }

        var sourceId = FindSourceIdColumn(table, samples);
        var lines = samples.Select(s => data.Get(long.Parse(s[sourceId.Name]![1..], CultureInfo.InvariantCulture))).ToList();
        var plans = new List<ColumnPlan>();
        foreach (var column in table.Columns)
        {
            var values = samples.Select(s => s[column.Name]).ToList();
            var matches = LineEncoders.All
                .Where(e => !e.SameOnEveryLine || e.Hinted(column.Name))
                .Where(e => values.Select((v, i) => v == e.Encode(lines[i])).All(ok => ok))
                .ToList();
            var encoder = matches.FirstOrDefault(e => e.Hinted(column.Name)) ?? matches.FirstOrDefault();
            if (encoder is not null)
            {
                plans.Add(new ColumnPlan(column, ColumnSourceKind.Line, encoder.Description, encoder.Encode));
                continue;
            }

            var stats = SqliteCli.Query(
                hubDb,
                $"SELECT COUNT({column.Quoted}) AS n, MIN({column.Quoted}) IS MAX({column.Quoted}) AS same, MIN({column.Quoted}) AS v FROM {table.Quoted};")[0];
            var nonNull = stats["n"].GetInt64();
            if (nonNull == 0)
            {
                plans.Add(new ColumnPlan(column, ColumnSourceKind.Constant, "NULL in every hub row ('' in the CSV)", ConstantValue: ""));
            }
            else if (nonNull == table.RowCount && stats["same"].GetInt32() == 1)
            {
                var value = HubTable.Text(stats["v"]) ?? "";
                plans.Add(new ColumnPlan(column, ColumnSourceKind.Constant, $"constant {Shorten(value)} in every hub row", ConstantValue: value));
            }
            else
            {
                plans.Add(new ColumnPlan(
                    column,
                    ColumnSourceKind.CopiedFromHub,
                    $"computed by the hub per row (e.g. {Shorten(values[0] ?? "NULL")}): copied from the hub's row"));
            }
        }

        return plans;
    }

    private static TableColumn FindSourceIdColumn(HubTable table, List<Dictionary<string, string?>> samples)
    {
        var column = table.Columns.FirstOrDefault(c => samples.All(s => s[c.Name] is { } v && SourceId().IsMatch(v)));
        return column ?? throw new BenchmarkException(
            $"no column of the hub's {table.Name} holds the sent source_record_id (\"L<line number>\") in every sampled row; "
            + $"columns: {string.Join(", ", table.Columns.Select(c => c.Name))}. Sample row: "
            + string.Join(", ", samples[0].Select(kv => $"{kv.Key}={Shorten(kv.Value ?? "NULL")}")));
    }

    private static string Shorten(string value) => value.Length <= 40 ? $"'{value}'" : $"'{value[..37]}...'";

    [GeneratedRegex("^L[1-9][0-9]*$")]
    private static partial Regex SourceId();
}

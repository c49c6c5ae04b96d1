using System.Diagnostics;
using ExchangeHub.Benchmarks.Data;

namespace ExchangeHub.Benchmarks.Baseline;

/// <summary>
/// Writes the generated lines as CSV, columns in the hub table's order, no header. Values the hub computed per row
/// are read from the hub's database in line order and merged in.
/// </summary>
internal static class CsvExporter
{
    public static void Write(string path, string hubDb, HubTable table, IReadOnlyList<ColumnPlan> plans, ContributionDataset data)
    {
        var copied = plans.Where(p => p.Kind == ColumnSourceKind.CopiedFromHub).ToList();
        using var hubRows = copied.Count == 0 ? null : OpenHubRows(hubDb, table, plans, copied);
        var reader = hubRows is null ? null : new CsvRecordReader(hubRows.StandardOutput);
        var hubErrors = hubRows?.StandardError.ReadToEndAsync();
        var fields = new string[plans.Count];
        using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 20))
        {
            writer.NewLine = "\n";
            foreach (var line in data.Enumerate())
            {
                var hubRow = reader?.Next();
                if (reader is not null)
                {
                    var expected = line.SourceRecordId;
                    if (hubRow is null || hubRow[0] != expected)
                    {
                        throw new BenchmarkException(
                            $"the hub's table has no row for {expected} where one was expected (got {hubRow?[0] ?? "end of rows"}); cannot copy "
                            + string.Join(", ", copied.Select(c => c.Column.Name)));
                    }
                }

                var copiedIndex = 1;
                for (var i = 0; i < plans.Count; i++)
                {
                    var plan = plans[i];
                    fields[i] = plan.Kind switch
                    {
                        ColumnSourceKind.Line => plan.Encode!(line),
                        ColumnSourceKind.Constant => plan.ConstantValue!,
                        _ => hubRow![copiedIndex++],
                    };
                }

                for (var i = 0; i < fields.Length; i++)
                {
                    if (i > 0)
                    {
                        writer.Write(',');
                    }

                    WriteField(writer, fields[i]);
                }

                writer.WriteLine();
            }
        }

        if (hubRows is not null)
        {
            hubRows.StandardOutput.ReadToEnd();
            hubRows.WaitForExit();
            SqliteCli.Check(hubRows, ["(copy of hub columns)"], hubErrors!.Result);
        }
    }

    private static Process OpenHubRows(string hubDb, HubTable table, IReadOnlyList<ColumnPlan> plans, List<ColumnPlan> copied)
    {
        var sourceId = plans.FirstOrDefault(p => p.Kind == ColumnSourceKind.Line && p.Description == "source_record_id")
            ?? throw new BenchmarkException("cannot copy hub-computed columns: no source_record_id column found.");
        var id = sourceId.Column.Quoted;
        var sql = $"SELECT {id}, {string.Join(", ", copied.Select(c => c.Column.Quoted))} FROM {table.Quoted} "
            + $"WHERE {id} GLOB 'L[1-9]*' ORDER BY CAST(substr({id}, 2) AS INTEGER);";
        return SqliteCli.Start(["-bail", "-readonly", "-csv", "-noheader", hubDb, sql], redirectInput: false);
    }

    private static void WriteField(StreamWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}

using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace ExchangeHub.Cli.Display;

/// <summary>
/// <c>--output table|json|csv</c> and the writer behind it. JSON is one array of objects keyed by the columns' machine
/// keys, all values strings; CSV is RFC 4180 (a header row of the same keys, CRLF, fields quoted when they need it).
/// Machine formats write only the data: no summary line, no colour, no wrapping.
/// </summary>
public sealed class ListOutput
{
    public Option<OutputFormat> Format { get; } = new("--output", "-o")
    {
        Description = "table (default), json or csv",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    public void AddTo(Command command) => command.Options.Add(Format);

    /// <summary>Writes <paramref name="items"/>; true when a table was written (the caller may add its summary).</summary>
    public static bool Write<T>(IAnsiConsole console, OutputFormat format, IReadOnlyList<ListColumn<T>> columns, IEnumerable<T> items)
    {
        switch (format)
        {
            case OutputFormat.Json:
                console.Profile.Out.Writer.WriteLine(Json(columns, items));
                return false;
            case OutputFormat.Csv:
                console.Profile.Out.Writer.Write(Csv(columns, items));
                return false;
            default:
                var table = Tables.Create(columns.Select(c => c.Header).ToArray());
                foreach (var item in items)
                {
                    table.AddRow(columns.Select(c => c.Cell(item)).ToArray());
                }
                console.Write(table);
                return true;
        }
    }

    public static string Json<T>(IReadOnlyList<ListColumn<T>> columns, IEnumerable<T> items)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var item in items)
            {
                json.WriteStartObject();
                foreach (var column in columns)
                {
                    json.WriteString(column.Key, column.MachineValue(item));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Csv<T>(IReadOnlyList<ListColumn<T>> columns, IEnumerable<T> items)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', columns.Select(c => Field(c.Key)))).Append("\r\n");
        foreach (var item in items)
        {
            csv.Append(string.Join(',', columns.Select(c => Field(c.MachineValue(item))))).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Field(string value) => value.AsSpan().IndexOfAny(",\"\r\n") < 0
        ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

using System.Text;

namespace ExchangeHub.Benchmarks.Baseline;

/// <summary>Reads RFC 4180 records (as sqlite3 -csv writes them) one at a time.</summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();

    /// <summary>The next record's fields, or null at the end.</summary>
    public List<string>? Next()
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            return null;
        }

        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        for (var i = 0; ; i++)
        {
            if (i == line.Length)
            {
                if (!quoted)
                {
                    break;
                }

                // A quoted field with a line break in it: the record goes on.
                line = reader.ReadLine() ?? throw new BenchmarkException("unterminated quoted field in sqlite3's CSV output");
                _field.Append('\n');
                i = -1;
                continue;
            }

            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    _field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    _field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else
            {
                _field.Append(c);
            }
        }

        fields.Add(_field.ToString());
        return fields;
    }
}

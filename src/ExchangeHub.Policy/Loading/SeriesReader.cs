using System.Text.RegularExpressions;
using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Loading;

/// <summary>Reads a parameter written as <c>[{ "from", "to"?, "value", "clause", "reference"? }]</c> and checks its periods.</summary>
internal static partial class SeriesReader
{
    public static DatedSeries<T> Read<T>(Cursor parent, string name, Func<Cursor, T> readValue)
    {
        var node = parent.Property(name);
        var items = node.Items();
        if (items.Count == 0)
        {
            throw node.Error("has no values");
        }

        var values = new List<DatedValue<T>>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i].Object("from", "to", "value", "clause", "reference");
            var from = item.Property("from").Date();
            var toNode = item.OptionalProperty("to");
            var to = toNode?.Date();
            if (to < from)
            {
                throw toNode!.Value.Error($"{to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}");
            }

            var clauseNode = item.Property("clause");
            var clause = clauseNode.String();
            if (!ClauseId().IsMatch(clause))
            {
                throw clauseNode.Error($"'{clause}' is not a clause id of the notice such as 1.(2)");
            }

            if (i > 0)
            {
                CheckContiguous(values[i - 1], from, item.Property("from"), i - 1);
            }

            values.Add(new DatedValue<T>(from, to, readValue(item.Property("value")), clause));
        }

        return new DatedSeries<T>(node.Path, values);
    }

    private static void CheckContiguous<T>(DatedValue<T> previous, DateOnly from, Cursor fromNode, int previousIndex)
    {
        if (previous.To is null || from <= previous.To.Value)
        {
            throw fromNode.Error($"overlaps [{previousIndex}]");
        }

        if (from > previous.To.Value.AddDays(1))
        {
            throw fromNode.Error($"leaves a gap after [{previousIndex}] (which ends {previous.To:yyyy-MM-dd})");
        }
    }

    [GeneratedRegex(@"^[1-9]\.\([1-9][0-9]?\)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseId();
}

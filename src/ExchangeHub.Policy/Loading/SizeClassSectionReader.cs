using ExchangeHub.Policy.Parameters;
using ExchangeHub.Policy.SizeClasses;

namespace ExchangeHub.Policy.Loading;

internal static class SizeClassSectionReader
{
    public static DatedSeries<IReadOnlyList<IndustrySizeBounds>> Read(Cursor parent) =>
        SeriesReader.Read(parent, "size_class", ReadTable);

    private static IReadOnlyList<IndustrySizeBounds> ReadTable(Cursor value)
    {
        var rows = new List<IndustrySizeBounds>();
        var seenCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in value.Items())
        {
            item.Object("industry", "codes", "employees", "revenue_10k_yuan", "assets_10k_yuan");
            var codes = new List<string>();
            foreach (var code in item.Property("codes").Items())
            {
                var text = code.String();
                if (!IndustryCode.IsValidPattern(text) || !seenCodes.Add(text))
                {
                    throw code.Error($"'{text}' is not a new GB/T 4754 section letter or 2-4 digit code");
                }

                codes.Add(text);
            }

            var row = new IndustrySizeBounds(
                item.Property("industry").String(),
                codes,
                ReadBounds(item.OptionalProperty("employees")),
                ReadBounds(item.OptionalProperty("revenue_10k_yuan")),
                ReadBounds(item.OptionalProperty("assets_10k_yuan")));
            if (row.Employees is null && row.RevenueTenThousandYuan is null && row.AssetsTenThousandYuan is null)
            {
                throw item.Error("lists no indicator");
            }

            rows.Add(row);
        }

        return rows;
    }

    private static SizeBounds? ReadBounds(Cursor? node)
    {
        if (node is not { } bounds)
        {
            return null;
        }

        var items = bounds.Items();
        if (items.Count != 3)
        {
            throw bounds.Error("must list three lower bounds: large, medium, small");
        }

        var (large, medium, small) = (items[0].Int64(), items[1].Int64(), items[2].Int64());
        return large > medium && medium > small && small > 0
            ? new SizeBounds(large, medium, small)
            : throw bounds.Error("must decrease from large to small and stay above 0");
    }
}

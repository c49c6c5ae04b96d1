using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Loading;

internal static class TransferSectionReader
{
    public static TransferParameters Read(Cursor parent)
    {
        var node = parent.Property("transfer").Object("act_working_days", "calendar_regions", "min_paid_months", "fund_multiplier");
        return new TransferParameters(
            SeriesReader.Read(node, "act_working_days", v => v.PositiveInt32()),
            SeriesReader.Read<IReadOnlyList<string>>(node, "calendar_regions", v => v.Items().Select(i => i.String()).ToList()),
            SeriesReader.Read(node, "min_paid_months", v => v.PositiveInt32()),
            SeriesReader.Read(node, "fund_multiplier", v => v.Decimal() is > 0m and var m ? m : throw v.Error("must be greater than 0")));
    }
}

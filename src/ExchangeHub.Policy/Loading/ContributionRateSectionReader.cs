using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Loading;

internal static class ContributionRateSectionReader
{
    public static ContributionRateParameters Read(Cursor parent)
    {
        var node = parent.Property("ui_rate").Object("employer", "employee");
        return new ContributionRateParameters(
            SeriesReader.Read(node, "employer", v => v.Rate()),
            SeriesReader.Read(node, "employee", v => v.Rate()));
    }
}

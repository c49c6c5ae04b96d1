using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Loading;

internal static class ClaimSectionReader
{
    public static ClaimParameters Read(Cursor parent)
    {
        var node = parent.Property("claim").Object("decision_working_days", "calendar_regions");
        return new ClaimParameters(
            SeriesReader.Read(node, "decision_working_days", v => v.PositiveInt32()),
            SeriesReader.Read<IReadOnlyList<string>>(node, "calendar_regions", v => v.Items().Select(i => i.String()).ToList()));
    }
}

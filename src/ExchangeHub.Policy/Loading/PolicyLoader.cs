using System.Security.Cryptography;
using System.Text.Json;

namespace ExchangeHub.Policy.Loading;

/// <summary>
/// Loads and validates a policy file (JSON). The only I/O of the library: reading the file or stream it is given.
/// Every error is a <see cref="PolicyValidationException"/> naming the JSON path at fault; unknown keys are rejected.
/// </summary>
public static class PolicyLoader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static PolicySet Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static PolicySet Load(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray());
    }

    public static PolicySet Parse(byte[] utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException exception)
        {
            throw new PolicyValidationException("$", $"is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = new Cursor(document.RootElement, "$").Object("id", "version", "title", "implements", "parameters", "calendar");
            var header = new PolicyHeader(
                root.Property("id").String(),
                root.Property("version").String(),
                root.Property("title").String(),
                Convert.ToHexStringLower(SHA256.HashData(utf8Json)));
            var parameters = root.Property("parameters").Object("ui_rate", "refund", "skill", "benefit", "claim", "transfer", "size_class");
            var calendars = CalendarSectionReader.Read(root);
            var claim = ClaimSectionReader.Read(parameters);
            var transfer = TransferSectionReader.Read(parameters);
            CheckRegions(claim.CalendarRegions, calendars);
            CheckRegions(transfer.CalendarRegions, calendars);
            return new PolicySet(
                header,
                ContributionRateSectionReader.Read(parameters),
                RefundSectionReader.Read(parameters),
                SkillSectionReader.Read(parameters),
                BenefitSectionReader.Read(parameters),
                claim,
                transfer,
                SizeClassSectionReader.Read(parameters),
                calendars);
        }
    }

    private static void CheckRegions(Parameters.DatedSeries<IReadOnlyList<string>> regions, Parameters.HolidayCalendars calendars)
    {
        for (var i = 0; i < regions.Values.Count; i++)
        {
            foreach (var region in regions.Values[i].Value)
            {
                if (!calendars.Regions.ContainsKey(region))
                {
                    throw new PolicyValidationException($"{regions.Path}[{i}].value", $"names region '{region}' that $.calendar.regions does not define");
                }
            }
        }
    }
}

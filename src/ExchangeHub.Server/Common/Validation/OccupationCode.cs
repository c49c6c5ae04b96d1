using System.Text.RegularExpressions;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>Occupation codes of the national occupational classification (国家职业分类大典): <c>D-DD-DD-DD</c>.</summary>
public static partial class OccupationCode
{
    public static RecordFault? Check(string field, string value)
    {
        if (value.Length == 0)
        {
            return new RecordFault(field, RejectionCodes.Required, $"{field} is required (D-DD-DD-DD).");
        }
        return Pattern().IsMatch(value)
            ? null
            : new RecordFault(field, RejectionCodes.OccupationCodeFormat,
                $"{field} must be an occupation code D-DD-DD-DD, not '{(value.Length <= 20 ? value : value[..20] + "…")}'.");
    }

    [GeneratedRegex(@"^\d-\d{2}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

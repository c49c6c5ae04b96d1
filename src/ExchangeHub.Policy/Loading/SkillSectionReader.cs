using System.Globalization;
using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Loading;

internal static class SkillSectionReader
{
    public static SkillParameters Read(Cursor parent)
    {
        var node = parent.Property("skill").Object("certificate_window", "min_insured_months", "amounts_fen", "yearly_cap");
        var window = SeriesReader.Read(node, "certificate_window", v => v.Boolean());
        var parameters = new SkillParameters(
            window,
            SeriesReader.Read(node, "min_insured_months", v => v.PositiveInt32()),
            SeriesReader.Read(node, "amounts_fen", ReadAmounts),
            SeriesReader.Read(node, "yearly_cap", v => v.PositiveInt32()));

        Coverage.Require(window, parameters.MinInsuredMonths, open => open);
        Coverage.Require(window, parameters.AmountsFen, open => open);
        Coverage.Require(window, parameters.YearlyCap, open => open);
        return parameters;
    }

    /// <summary>Amount in fen by skill level ("5" = 初级 … "1" = 高级技师); a level not listed is not covered.</summary>
    private static IReadOnlyDictionary<int, long> ReadAmounts(Cursor value)
    {
        var amounts = new Dictionary<int, long>();
        foreach (var (name, amount) in value.Properties())
        {
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level is < 1 or > 5)
            {
                throw amount.Error("is not a skill level 1..5");
            }

            var fen = amount.Int64();
            amounts[level] = fen > 0 ? fen : throw amount.Error("must be greater than 0");
        }

        return amounts.Count > 0 ? amounts : throw value.Error("is empty");
    }
}

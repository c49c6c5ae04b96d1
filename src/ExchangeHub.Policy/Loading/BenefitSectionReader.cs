using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Loading;

internal static class BenefitSectionReader
{
    public static BenefitParameters Read(Cursor parent)
    {
        var node = parent.Property("benefit").Object("min_insured_months", "durations", "max_months");
        return new BenefitParameters(
            SeriesReader.Read(node, "min_insured_months", v => v.PositiveInt32()),
            SeriesReader.Read(node, "durations", ReadBrackets),
            SeriesReader.Read(node, "max_months", v => v.PositiveInt32()));
    }

    private static IReadOnlyList<DurationBracket> ReadBrackets(Cursor value)
    {
        var brackets = new List<DurationBracket>();
        foreach (var item in value.Items())
        {
            item.Object("min_insured_months", "months");
            var min = item.Property("min_insured_months");
            var bracket = new DurationBracket(min.PositiveInt32(), item.Property("months").PositiveInt32());
            if (brackets.Count > 0 && bracket.MinInsuredMonths <= brackets[^1].MinInsuredMonths)
            {
                throw min.Error("must be greater than the previous bracket's");
            }

            if (brackets.Count > 0 && bracket.Months < brackets[^1].Months)
            {
                throw item.Property("months").Error("must not be shorter than the previous bracket's");
            }

            brackets.Add(bracket);
        }

        return brackets.Count > 0 ? brackets : throw value.Error("is empty");
    }
}

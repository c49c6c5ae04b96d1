using ExchangeHub.Policy.Parameters;
using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Policy.Loading;

internal static class RefundSectionReader
{
    public static RefundParameters Read(Cursor parent)
    {
        var node = parent.Property("refund").Object(
            "window", "min_paid_months", "unemployment_target", "small_unit_threshold", "small_unit_layoff_cap",
            "layoff_formula", "rates", "covered_org_types");
        var window = SeriesReader.Read(node, "window", ReadWindow);
        var parameters = new RefundParameters(
            window,
            SeriesReader.Read(node, "min_paid_months", v => v.PositiveInt32()),
            SeriesReader.Read(node, "unemployment_target", v => v.Rate()),
            SeriesReader.Read(node, "small_unit_threshold", v => v.PositiveInt32()),
            SeriesReader.Read(node, "small_unit_layoff_cap", v => v.Rate()),
            SeriesReader.Read(node, "layoff_formula", v => v.Enum<LayoffFormula>()),
            SeriesReader.Read(node, "rates", ReadRates),
            SeriesReader.Read(node, "covered_org_types", ReadOrganisationTypes));

        Coverage.Require(window, parameters.MinPaidMonths);
        Coverage.Require(window, parameters.UnemploymentTarget);
        Coverage.Require(window, parameters.SmallUnitThreshold);
        Coverage.Require(window, parameters.SmallUnitLayoffCap);
        Coverage.Require(window, parameters.LayoffFormula);
        Coverage.Require(window, parameters.Rates);
        Coverage.Require(window, parameters.CoveredOrganisationTypes);
        return parameters;
    }

    private static RefundWindow ReadWindow(Cursor value)
    {
        value.Object("program_year", "assessment_year");
        var programYear = value.Property("program_year").PositiveInt32();
        var assessment = value.Property("assessment_year");
        var assessmentYear = assessment.PositiveInt32();
        return assessmentYear < programYear
            ? new RefundWindow(programYear, assessmentYear)
            : throw assessment.Error("must be before program_year");
    }

    private static IReadOnlyDictionary<SizeClass, decimal> ReadRates(Cursor value)
    {
        var rates = new Dictionary<SizeClass, decimal>();
        foreach (var (name, rate) in value.Properties())
        {
            if (!UpperSnake.TryParse<SizeClass>(name, out var sizeClass))
            {
                throw rate.Error("is not a known key");
            }

            rates[sizeClass] = rate.Rate();
        }

        foreach (var sizeClass in Enum.GetValues<SizeClass>())
        {
            if (!rates.ContainsKey(sizeClass))
            {
                throw new PolicyValidationException($"{value.Path}.{UpperSnake.Format(sizeClass)}", "is missing");
            }
        }

        return rates;
    }

    private static IReadOnlySet<OrganisationType> ReadOrganisationTypes(Cursor value)
    {
        var types = new HashSet<OrganisationType>();
        foreach (var item in value.Items())
        {
            if (!types.Add(item.Enum<OrganisationType>()))
            {
                throw item.Error("is listed twice");
            }
        }

        return types.Count > 0 ? types : throw value.Error("is empty");
    }
}

using ExchangeHub.Policy.Explanations;
using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Refunds;

/// <summary>The refund parameters in force on one decision date, with their explanation maps built once.</summary>
internal sealed class RefundTerms
{
    private RefundTerms(RefundParameters p, DateOnly date, DatedValue<RefundWindow> window)
    {
        Date = date;
        Window = window;
        ProgramYear = window.Value.ProgramYear;
        AssessmentYear = window.Value.AssessmentYear;
        MinPaidMonths = p.MinPaidMonths.At(date)!.Value;
        UnemploymentTarget = p.UnemploymentTarget.At(date)!.Value;
        SmallUnitThreshold = p.SmallUnitThreshold.At(date)!.Value;
        SmallUnitLayoffCap = p.SmallUnitLayoffCap.At(date)!.Value;
        LayoffFormula = p.LayoffFormula.At(date)!.Value;
        Rates = p.Rates.At(date)!.Value;
        CoveredTypes = p.CoveredOrganisationTypes.At(date)!.Value;

        WindowParameters = Values.Of(
            ("window", Values.Period(window.From, window.To)),
            ("program_year", Values.Text(ProgramYear)),
            ("assessment_year", Values.Text(AssessmentYear)));
        OrgTypeParameters = Values.Of(("covered_org_types", string.Join(",", CoveredTypes.Order().Select(t => UpperSnake.Format(t)))));
        PaidMonthsParameters = Values.Of(("min_paid_months", Values.Text(MinPaidMonths)), ("assessment_year", Values.Text(AssessmentYear)));
        LayoffParameters = Values.Of(
            ("unemployment_target", Values.Text(UnemploymentTarget)),
            ("small_unit_threshold", Values.Text(SmallUnitThreshold)),
            ("small_unit_layoff_cap", Values.Text(SmallUnitLayoffCap)),
            ("layoff_formula", UpperSnake.Format(LayoffFormula)),
            ("assessment_year", Values.Text(AssessmentYear)));
        BaseParameters = Values.Of(("assessment_year", Values.Text(AssessmentYear)), ("base_kinds", "REGULAR,BACK_PAYMENT"));
        AmountParameters = Enum.GetValues<SizeClass>().ToDictionary(
            c => c,
            c => Values.Of(("rate", Values.Text(Rates[c])), ("rates", string.Join(",", Rates.Select(r => $"{UpperSnake.Format(r.Key)}={Values.Text(r.Value)}")))));
    }

    public DateOnly Date { get; }

    public DatedValue<RefundWindow> Window { get; }

    public int ProgramYear { get; }

    public int AssessmentYear { get; }

    public int MinPaidMonths { get; }

    public decimal UnemploymentTarget { get; }

    public int SmallUnitThreshold { get; }

    public decimal SmallUnitLayoffCap { get; }

    public LayoffFormula LayoffFormula { get; }

    public IReadOnlyDictionary<SizeClass, decimal> Rates { get; }

    public IReadOnlySet<OrganisationType> CoveredTypes { get; }

    public IReadOnlyDictionary<string, string> WindowParameters { get; }

    public IReadOnlyDictionary<string, string> OrgTypeParameters { get; }

    public IReadOnlyDictionary<string, string> PaidMonthsParameters { get; }

    public IReadOnlyDictionary<string, string> LayoffParameters { get; }

    public IReadOnlyDictionary<string, string> BaseParameters { get; }

    public IReadOnlyDictionary<SizeClass, IReadOnlyDictionary<string, string>> AmountParameters { get; }

    /// <summary>The terms on <paramref name="date"/>, or null when no programme window is open that day.</summary>
    public static RefundTerms? Resolve(RefundParameters parameters, DateOnly date) =>
        parameters.Window.At(date) is { } window ? new RefundTerms(parameters, date, window) : null;
}

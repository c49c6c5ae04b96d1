namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// The layoff figures of the assessment year under the policy's formula variant (1.(2) REFUND_LAYOFF decision):
/// starting headcount, December headcount and persons laid off (floored at 0). Rates are compared exactly, as
/// <c>laidOff ≤ limit × start</c> in decimal, never as a double.
/// </summary>
internal readonly record struct LayoffFigures(int Start, YearMonth StartMonth, int December)
{
    public int LaidOff => Math.Max(0, Start - December);

    /// <summary>The rate for display only; decisions use <see cref="IsWithin"/>.</summary>
    public decimal Rate => decimal.Round((decimal)LaidOff / Start, 6, MidpointRounding.AwayFromZero);

    public bool IsWithin(decimal limit) => LaidOff <= limit * Start;

    /// <summary>Null when the unit had nobody insured in any month of the assessment year.</summary>
    public static LayoffFigures? Compute(int[] headcount, int assessmentYear, LayoffFormula formula)
    {
        var start = -1;
        for (var i = 0; i < 12; i++)
        {
            var better = formula == LayoffFormula.PeakToDecember
                ? headcount[i] > 0 && (start < 0 || headcount[i] > headcount[start])
                : headcount[i] > 0 && start < 0;
            if (better)
            {
                start = i;
            }
        }

        return start < 0
            ? null
            : new LayoffFigures(headcount[start], new YearMonth(assessmentYear, start + 1), headcount[11]);
    }
}

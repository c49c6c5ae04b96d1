namespace ExchangeHub.Policy.WhatIf;

/// <summary>
/// One subject (unit USCC or person) decided under both policy files; amounts in fen, outcomes in UPPER_SNAKE.
/// <see cref="Rule"/>: the first rule whose check differs (null when both decisions checked the same). Months: a benefit
/// decision's maximum period under each file (0 for the programmes that grant an amount).
/// </summary>
public sealed record WhatIfLine(string Subject, string BaselineOutcome, long BaselineFen, string VariantOutcome, long VariantFen,
    WhatIfRule? Rule = null, int BaselineMonths = 0, int VariantMonths = 0)
{
    public long DifferenceFen => VariantFen - BaselineFen;

    public bool OutcomeChanged => BaselineOutcome != VariantOutcome;

    public bool Changed => OutcomeChanged || DifferenceFen != 0 || BaselineMonths != VariantMonths;
}

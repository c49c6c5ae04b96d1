namespace ExchangeHub.Policy.WhatIf;

/// <summary>One subject (unit USCC or person) decided under both policy files; amounts in fen, outcomes in UPPER_SNAKE.</summary>
public sealed record WhatIfLine(string Subject, string BaselineOutcome, long BaselineFen, string VariantOutcome, long VariantFen)
{
    public long DifferenceFen => VariantFen - BaselineFen;

    public bool OutcomeChanged => BaselineOutcome != VariantOutcome;
}

namespace ExchangeHub.Policy.WhatIf;

/// <summary>
/// The cost of a variant against a baseline: per subject and in total (variant − baseline, in fen), and how many
/// outcomes changed. <see cref="Lines"/> lists every subject, in input order.
/// </summary>
public sealed record WhatIfReport(
    PolicyIdentity Baseline,
    PolicyIdentity Variant,
    IReadOnlyList<WhatIfLine> Lines,
    long BaselineTotalFen,
    long VariantTotalFen)
{
    public long DifferenceFen => VariantTotalFen - BaselineTotalFen;

    public int OutcomesChanged => Lines.Count(l => l.OutcomeChanged);

    public IEnumerable<WhatIfLine> Changed => Lines.Where(l => l.Changed);
}

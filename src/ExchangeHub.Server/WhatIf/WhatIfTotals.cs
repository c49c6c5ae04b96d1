using ExchangeHub.Policy;

namespace ExchangeHub.Server.WhatIf;

/// <summary>
/// The what-if's running totals: per (programme, division, size class, outcome) group, counts and amounts under both
/// files — a subject counts in its baseline outcome's group for the baseline and its variant outcome's for the variant —
/// and how many subjects changed. Bounded by the groups, never by the subjects.
/// </summary>
public sealed class WhatIfTotals(DateOnly decisionDate, PolicyIdentity baseline, PolicyIdentity variant)
{
    private readonly Dictionary<WhatIfGroupKey, WhatIfGroupTotals> _groups = [];

    public DateOnly DecisionDate => decisionDate;

    public PolicyIdentity Baseline => baseline;

    public PolicyIdentity Variant => variant;

    public int Subjects { get; private set; }

    public int ChangedSubjects { get; private set; }

    /// <summary>Changed subjects counted but not reported (above the call's cap).</summary>
    public int Truncated { get; set; }

    public long BaselineAmountFen { get; private set; }

    public long VariantAmountFen { get; private set; }

    /// <summary>The groups, ordered ordinally by programme, division, size class and outcome.</summary>
    public IEnumerable<KeyValuePair<WhatIfGroupKey, WhatIfGroupTotals>> Groups => _groups
        .OrderBy(g => g.Key.Programme, StringComparer.Ordinal).ThenBy(g => g.Key.DivisionCode, StringComparer.Ordinal)
        .ThenBy(g => g.Key.SizeClass, StringComparer.Ordinal).ThenBy(g => g.Key.Outcome, StringComparer.Ordinal);

    /// <summary>Counts one subject; true when its outcome or amount changed.</summary>
    public bool Add(WhatIfChange change)
    {
        var line = change.Line;
        Subjects++;
        BaselineAmountFen += line.BaselineFen;
        VariantAmountFen += line.VariantFen;
        Group(new WhatIfGroupKey(change.Programme, change.DivisionCode, change.SizeClass, line.BaselineOutcome)).AddBaseline(line.BaselineFen);
        Group(new WhatIfGroupKey(change.Programme, change.DivisionCode, change.SizeClass, line.VariantOutcome)).AddVariant(line.VariantFen);
        if (!line.Changed)
        {
            return false;
        }
        ChangedSubjects++;
        return true;
    }

    private WhatIfGroupTotals Group(WhatIfGroupKey key)
    {
        if (!_groups.TryGetValue(key, out var group))
        {
            _groups[key] = group = new WhatIfGroupTotals();
        }
        return group;
    }
}

/// <summary>A group of the what-if's report.</summary>
public sealed record WhatIfGroupKey(string Programme, string DivisionCode, string SizeClass, string Outcome);

/// <summary>One group's counts and amounts (fen) under both files.</summary>
public sealed class WhatIfGroupTotals
{
    public int BaselineCount { get; private set; }

    public long BaselineAmountFen { get; private set; }

    public int VariantCount { get; private set; }

    public long VariantAmountFen { get; private set; }

    public void AddBaseline(long fen)
    {
        BaselineCount++;
        BaselineAmountFen += fen;
    }

    public void AddVariant(long fen)
    {
        VariantCount++;
        VariantAmountFen += fen;
    }
}

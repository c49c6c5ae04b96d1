namespace ExchangeHub.Policy.Explanations;

internal static class Checks
{
    /// <summary>Failed when any check failed on known facts (it cannot be rescued), else undetermined when a fact is missing.</summary>
    public static Verdict Verdict(IEnumerable<RuleCheck> checks)
    {
        var verdict = Explanations.Verdict.Passed;
        foreach (var check in checks)
        {
            if (check.Failed)
            {
                return Explanations.Verdict.Failed;
            }

            if (check.Undetermined)
            {
                verdict = Explanations.Verdict.Undetermined;
            }
        }

        return verdict;
    }
}

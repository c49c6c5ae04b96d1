namespace ExchangeHub.Policy.Explanations;

/// <summary>How a list of checks adds up: a failure on known facts decides; otherwise a missing fact leaves it open.</summary>
internal enum Verdict
{
    Passed,
    Failed,
    Undetermined,
}

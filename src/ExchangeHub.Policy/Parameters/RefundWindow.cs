namespace ExchangeHub.Policy.Parameters;

/// <summary>A refund programme: its year Y and assessment year Y−1; the effective period of the entry is the programme's window.</summary>
public sealed record RefundWindow(int ProgramYear, int AssessmentYear);

namespace ExchangeHub.Policy.Transfers;

/// <summary>
/// What a transfer-out is decided on (2.(4)): its request date (the parameters' date and the start of the time limit),
/// the months paid here as of that date, and the amounts the operator gave.
/// </summary>
public sealed record TransferOutFacts(DateOnly RequestedOn, int MonthsPaidHere, long MonthlyBenefitFen, int MonthsDue);

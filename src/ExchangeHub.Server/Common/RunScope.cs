namespace ExchangeHub.Server.Common;

/// <summary>
/// What a reconciliation run decides: the programme year, and whether the run only settles the year's approved cases at
/// their frozen decision dates (the year's window has ended on the run's date: 2.(1) "Decision (settlement)", no new
/// offers, confirmations, waivers or applications).
/// </summary>
public sealed record RunScope(int ProgramYear, bool SettlementOnly);

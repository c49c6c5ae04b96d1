namespace ExchangeHub.Server.Reconciliation;

/// <summary>A run or a workflow step cannot be carried out as asked (the message says why); nothing was changed.</summary>
public sealed class RunRefusedException(string message) : Exception(message);

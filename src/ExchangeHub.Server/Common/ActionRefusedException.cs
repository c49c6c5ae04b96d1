namespace ExchangeHub.Server.Common;

/// <summary>A run or a workflow step cannot be carried out as asked (the message says why); nothing was changed.</summary>
public sealed class ActionRefusedException(string message) : Exception(message);

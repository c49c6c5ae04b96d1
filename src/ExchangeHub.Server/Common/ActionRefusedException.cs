namespace ExchangeHub.Server.Common;

/// <summary>
/// A run or a workflow step cannot be carried out as asked (the message says why); nothing was changed. A refusal a
/// client must act on carries a stable <see cref="Reason"/> (a policy reason code, e.g. REFUND_PROGRAMME_ENDED), which
/// the service answers as <c>google.rpc.ErrorInfo</c> (<see cref="RequestFields.Guard{T}"/>).
/// </summary>
public sealed class ActionRefusedException(string message, string? reason = null) : Exception(message)
{
    /// <summary>The stable reason code, or null when the message is all there is.</summary>
    public string? Reason { get; } = reason;
}

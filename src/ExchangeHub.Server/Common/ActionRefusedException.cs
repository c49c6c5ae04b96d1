namespace ExchangeHub.Server.Common;

/// <summary>
/// A run or a workflow step cannot be carried out as asked (the message says why); nothing was changed. Every refusal
/// carries a stable <see cref="Reason"/> (<see cref="ErrorReasons"/>, e.g. REFUND_PROGRAMME_ENDED) and the state or
/// resource it concerns (<see cref="Metadata"/>), which the service answers as <c>google.rpc.ErrorInfo</c>
/// (<see cref="RequestFields.Guard{T}"/>).
/// </summary>
public sealed class ActionRefusedException(string message, string reason, IReadOnlyDictionary<string, string>? metadata = null) : Exception(message)
{
    /// <summary>The stable reason code.</summary>
    public string Reason { get; } = reason;

    /// <summary>The ErrorInfo metadata: the state, field or resource the refusal is about.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();
}

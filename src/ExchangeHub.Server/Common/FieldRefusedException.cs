namespace ExchangeHub.Server.Common;

/// <summary>
/// A request field contradicts the stored record it acts on (e.g. a date before the record's own date): the workflow
/// step refuses it naming <see cref="Field"/>, the service answers INVALID_ARGUMENT (<see cref="RequestFields.Guard{T}"/>);
/// nothing was changed.
/// </summary>
public sealed class FieldRefusedException(string field, string message) : Exception(message)
{
    /// <summary>The request field at fault, as the contract names it.</summary>
    public string Field { get; } = field;
}

using System.Text;
using System.Text.Json;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Checks before a publish that a row can be published at all: its type is an event of the contract and its payload is
/// one well-formed JSON object. The serializer writes the payload into the envelope without validating it
/// (<see cref="StoredEnvelopeSerializer"/>), so without this check a corrupt row would reach subscribers as a broken
/// message; with it the row is parked (<see cref="PoisonMessageException"/>). A forward-only reader: no allocation.
/// </summary>
internal static class Poison
{
    public static Type Check(PendingMessage message)
    {
        Type type;
        try
        {
            type = EventTypes.Resolve(message.MessageType);
        }
        catch (InvalidOperationException ex)
        {
            throw new PoisonMessageException(ex.Message);
        }
        var bytes = Encoding.UTF8.GetBytes(message.Payload);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new PoisonMessageException($"the payload of {message.MessageType} {message.MessageId} is not a JSON object.");
            }
            reader.Skip();
            if (reader.Read())
            {
                throw new PoisonMessageException($"the payload of {message.MessageType} {message.MessageId} has data after its JSON object.");
            }
        }
        catch (JsonException ex)
        {
            throw new PoisonMessageException($"the payload of {message.MessageType} {message.MessageId} is not valid JSON: {ex.Message}");
        }
        return type;
    }
}

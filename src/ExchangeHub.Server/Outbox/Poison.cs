using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Checks before a publish that a row can be published at all: its type is an event of the contract and its payload is
/// one well-formed JSON object. The serializer writes the payload into the envelope without validating it
/// (<see cref="StoredEnvelopeSerializer"/>), so without this check a corrupt row would reach subscribers as a broken
/// message; with it the row is parked (<see cref="PoisonMessageException"/>). A forward-only reader over a pooled buffer.
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
        // A pooled buffer: the relay checks every row it publishes, and a fresh array per row showed in its CPU profile.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Payload.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(message.Payload, buffer)));
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
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return type;
    }
}

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
    /// <summary>UTF-8 that refuses a lone surrogate instead of writing U+FFFD: a payload is sent unchanged or not at all.</summary>
    internal static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Type Check(PendingMessage message)
    {
        var type = Check(message, out var utf8, out _);
        ArrayPool<byte>.Shared.Return(utf8);
        return type;
    }

    /// <summary>
    /// The same check, handing the payload's UTF-8 bytes (the first <paramref name="length"/> of <paramref name="utf8"/>,
    /// rented from <see cref="ArrayPool{T}.Shared"/>: the caller returns it) to the caller, so the envelope is written from
    /// them instead of transcoding the payload a second time. Nothing is rented when it throws.
    /// </summary>
    public static Type Check(PendingMessage message, out byte[] utf8, out int length)
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
        var buffer = ArrayPool<byte>.Shared.Rent(Strict.GetMaxByteCount(message.Payload.Length));
        try
        {
            length = Strict.GetBytes(message.Payload, buffer);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
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
        catch (Exception ex)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw ex switch
            {
                JsonException json => new PoisonMessageException(
                    $"the payload of {message.MessageType} {message.MessageId} is not valid JSON: {json.Message}"),
                EncoderFallbackException => new PoisonMessageException(
                    $"the payload of {message.MessageType} {message.MessageId} holds a lone surrogate (not valid text)."),
                _ => ex,
            };
        }
        utf8 = buffer;
        return type;
    }
}

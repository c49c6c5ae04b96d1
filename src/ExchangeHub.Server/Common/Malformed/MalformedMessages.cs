using System.Runtime.CompilerServices;
using Grpc.Core;

namespace ExchangeHub.Server.Common.Malformed;

/// <summary>
/// Request messages that failed protobuf parsing (truncated, invalid UTF-8 in a string, unknown wire type…).
/// grpc-dotnet deserialises a unary request before any interceptor runs, and a thrown parse error would answer
/// UNKNOWN without an audit row; so the wrapped marshaller (<see cref="MalformedMessageGuard"/>) hands the handler
/// pipeline an empty stand-in instead, remembered here with the parse error and the bytes received, and the
/// interceptor answers INVALID_ARGUMENT (MALFORMED_MESSAGE) and audits the call like any other refusal.
/// </summary>
public static class MalformedMessages
{
    private static readonly ConditionalWeakTable<object, MalformedMessage> Marked = [];

    /// <summary>An empty stand-in for a message that could not be parsed, remembered with why and what was received.</summary>
    public static T StandIn<T>(string error, byte[] payload) where T : class
    {
        var standIn = Activator.CreateInstance<T>();
        Marked.AddOrUpdate(standIn, new MalformedMessage(error, payload));
        return standIn;
    }

    /// <summary>The parse failure <paramref name="message"/> stands in for, or null for a message that parsed.</summary>
    public static MalformedMessage? Of(object? message) =>
        message is not null && Marked.TryGetValue(message, out var malformed) ? malformed : null;

    /// <summary>
    /// INVALID_ARGUMENT with a BadRequest naming the message (<c>request</c>, or <c>request[i]</c> for the i-th message
    /// of a stream, zero-based) and an ErrorInfo MALFORMED_MESSAGE carrying the same index.
    /// </summary>
    public static RpcException Refusal(MalformedMessage malformed, long? streamIndex)
    {
        var field = streamIndex is { } index ? $"request[{index}]" : "request";
        var metadata = new Dictionary<string, string> { ["field"] = field };
        if (streamIndex is { } i)
        {
            metadata["message_index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return RpcErrors.InvalidArgument(
            streamIndex is null ? "the request message is not valid protobuf" : $"stream message {streamIndex} is not valid protobuf",
            field, malformed.Error, ErrorReasons.MalformedMessage, metadata);
    }
}

using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ExchangeHub.Server.Common.Retries;

/// <summary>
/// The client's <c>request_id</c> of a mutating call (AIP-155): 1 to 128 characters of letters, digits and <c>. _ : -</c>
/// (a UUID fits), chosen by the client, scoped to the calling agency and the method. A request message takes part when
/// its contract has a string field of that name; no list of methods is kept here.
/// </summary>
public static partial class RequestId
{
    /// <summary>The field's name in every request message that has one.</summary>
    public const string Field = "request_id";

    public const int MaxLength = 128;

    /// <summary>The request id field of <paramref name="request"/>'s message type; null when it has none.</summary>
    public static FieldDescriptor? FieldOf(IMessage request) =>
        request.Descriptor.FindFieldByName(Field) is { FieldType: FieldType.String, IsRepeated: false } field ? field : null;

    /// <summary>The id the client sent ("" when none), INVALID_ARGUMENT naming <c>request_id</c> when malformed.</summary>
    public static string Read(IMessage request, FieldDescriptor field)
    {
        var value = (string)field.Accessor.GetValue(request);
        if (value.Length > 0 && (value.Length > MaxLength || !Allowed().IsMatch(value)))
        {
            throw RpcErrors.InvalidArgument("request_id is not valid", Field,
                $"1 to {MaxLength} characters of letters, digits, '.', '_', ':' and '-' (a UUID fits), or empty for no retry protection");
        }
        return value;
    }

    /// <summary>
    /// "The same request": SHA-256 (hex) of <paramref name="request"/>'s protobuf bytes with the request id cleared, so
    /// a retry under the same id matches and any other field value does not.
    /// </summary>
    public static string Sha256WithoutId(IMessage request, FieldDescriptor field)
    {
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        field.Accessor.Clear(copy);
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray()));
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex Allowed();
}

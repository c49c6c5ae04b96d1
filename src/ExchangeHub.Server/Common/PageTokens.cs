using System.Text;

namespace ExchangeHub.Server.Common;

/// <summary>
/// Opaque page tokens of every List* method (AIP-158): base64url (no padding) of a small versioned payload
/// <c>"v1:" + key</c>, the key being the last item of the page (a USCC, an id). Clients pass them back unchanged; a
/// token the hub did not give is INVALID_ARGUMENT naming page_token.
/// </summary>
public static class PageTokens
{
    private const string Version = "v1:";
    private const string Field = "page_token";
    private const string Hint = "pass next_page_token of the previous page unchanged";

    public static string Encode(string lastKey) => lastKey.Length == 0 ? "" : Convert.ToBase64String(Encoding.UTF8.GetBytes(Version + lastKey))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key a token carries; empty for an empty token (the first page).</summary>
    public static string Decode(string token)
    {
        if (token.Length == 0)
        {
            return "";
        }
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (token.Contains('+', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal)
            || !Convert.TryFromBase64String(base64, bytes, out var written))
        {
            throw RpcErrors.InvalidArgument("page_token is not valid", Field, Hint);
        }
        string payload;
        try
        {
            payload = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            throw RpcErrors.InvalidArgument("page_token is not valid", Field, Hint);
        }
        return payload.StartsWith(Version, StringComparison.Ordinal) && payload.Length > Version.Length
            ? payload[Version.Length..]
            : throw RpcErrors.InvalidArgument("page_token is not valid", Field, Hint);
    }

    /// <summary>The id a token of an id-keyed listing carries; 0 for the first page.</summary>
    public static long DecodeId(string token)
    {
        var key = Decode(token);
        return key.Length == 0 ? 0
            : long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id
            : throw RpcErrors.InvalidArgument("page_token is not valid", Field, Hint);
    }
}

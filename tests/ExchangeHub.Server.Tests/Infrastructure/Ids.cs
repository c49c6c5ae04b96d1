using System.Globalization;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>Valid identifiers for test data, computed independently of the hub's validators.</summary>
public static class Ids
{
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] UsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>A valid USCC for unit number <paramref name="n"/> (91 = enterprise, 659001 = a XPCC address).</summary>
    public static string Uscc(int n)
    {
        var body = "91659001" + n.ToString("D9", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += UsccAlphabet.IndexOf(body[i], StringComparison.Ordinal) * UsccWeights[i];
        }
        return body + UsccAlphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>A valid resident id for person number <paramref name="n"/>, born 1985-01-01 plus n days.</summary>
    public static string ResidentId(int n)
    {
        var birth = new DateOnly(1985, 1, 1).AddDays(n % 7000);
        var body = "659001" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * IdWeights[i];
        }
        return body + "10X98765432"[sum % 11];
    }
}

using System.Globalization;
using ExchangeHub.V1;
using Google.Protobuf.WellKnownTypes;

namespace ExchangeHub.Cli.Display;

/// <summary>
/// The contract's typed values as the operator reads them: an enum as its short name (ELIGIBLE, never its number or
/// REFUND_OUTCOME_ELIGIBLE), an instant as ISO-8601 UTC, a policy as "id version (sha256 …)".
/// </summary>
public static class ContractText
{
    public static string Name<T>(T value)
        where T : struct, System.Enum => EnumNames.Suffix(value);

    /// <summary>"2024-03-01T02:00:00.000Z"; "-" when unset.</summary>
    public static string Time(Timestamp? time) =>
        time is null ? "-" : time.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Policy(string id, string version, string sha256) => sha256.Length == 0 ? $"{id} {version}" : $"{id} {version} (sha256 {sha256})";
}

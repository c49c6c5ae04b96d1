using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// Stored enum numbers (the contract's values, validated at ingestion) → the policy engine's enums. The contract's
/// numbering starts at 1 (0 is UNSPECIFIED and never stored).
/// </summary>
public static class ProtoEnums
{
    public static OrganisationType OrganisationType(int value) => Map<OrganisationType>(value, 9);

    public static RegistrationStatus RegistrationStatus(int value) => Map<RegistrationStatus>(value, 3);

    public static SizeClass SizeClass(int value) => Map<SizeClass>(value, 4);

    public static SizeClassSource SizeClassSource(int value) => Map<SizeClassSource>(value, 2);

    public static SettlementStatus SettlementStatus(int value) => Map<SettlementStatus>(value, 3);

    private static T Map<T>(int stored, int count)
        where T : struct, Enum => stored >= 1 && stored <= count
        ? (T)Enum.ToObject(typeof(T), stored - 1)
        : throw new InvalidOperationException($"stored {typeof(T).Name} value {stored} is outside 1..{count}");
}

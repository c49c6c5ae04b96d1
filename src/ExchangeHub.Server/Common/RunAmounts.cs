namespace ExchangeHub.Server.Common;

/// <summary>
/// What a run's new decisions amount to, in fen: offered (ELIGIBLE, 免申即享), held (HELD: what each would be once its
/// deferred premiums are paid) and awaiting application (ELIGIBLE labour-dispatch units, never offered automatically, 2.(1)).
/// </summary>
public sealed record RunAmounts(long OfferedFen, long HeldFen, long AwaitingApplicationFen)
{
    public static readonly RunAmounts None = new(0, 0, 0);
}

namespace ExchangeHub.AuditLog.Merkle;

/// <summary>
/// The hash of the perfect subtree at <paramref name="level"/> (0 = a leaf) covering leaves
/// <c>[index · 2^level, (index + 1) · 2^level)</c>. Proofs are built from these alone, so a store that keeps or caches
/// them answers a proof with O(log n) look-ups instead of rehashing every leaf.
/// </summary>
public delegate byte[] PerfectNodeSource(int level, long index);

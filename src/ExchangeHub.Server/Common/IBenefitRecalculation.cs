namespace ExchangeHub.Server.Common;

/// <summary>
/// 2.(4): insured periods of a person surfaced after benefit started (a completed transfer-in): the benefits programme
/// recalculates that person's running benefits. Raised by transfers, carried out by benefits, named here so neither
/// programme reaches into the other.
/// </summary>
public interface IBenefitRecalculation
{
    /// <summary>Recalculates the granted claims of the person; returns the claims looked at and those whose period changed.</summary>
    Task<(int Claims, int Recalculated)> RecalculatePersonAsync(string residentId, CancellationToken ct);
}

namespace ExchangeHub.Synthetic;

/// <summary>
/// Agencies send most records on time and some later: the late pass carries late lines, back payments and late
/// fees, and corrections (the same source_record_id with revision 2).
/// </summary>
public enum SimulationPass
{
    OnTime = 1,
    Late = 2,
}

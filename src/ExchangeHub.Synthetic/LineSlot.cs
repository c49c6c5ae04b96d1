namespace ExchangeHub.Synthetic;

/// <summary>Which contribution line a person-month produces; the line itself is built only when it is sent.</summary>
internal readonly record struct LineSlot(int Person, int Month, int Unit, LineSlotKind Kind);

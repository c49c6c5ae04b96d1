using ExchangeHub.Policy.WhatIf;

namespace ExchangeHub.Server.WhatIf;

/// <summary>One subject compared, with the group it counts in (programme, division, size class; "" when unknown).</summary>
public sealed record WhatIfChange(string Programme, string DivisionCode, string SizeClass, WhatIfLine Line);

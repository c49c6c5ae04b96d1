namespace ExchangeHub.Policy.SizeClasses;

/// <summary>
/// One row of the 2017 size table: the GB/T 4754 codes it covers (section letters such as <c>B</c>, or division,
/// group and class digits such as <c>51</c>, <c>702</c>, <c>7010</c>) and the bounds of the indicators it lists.
/// </summary>
public sealed record IndustrySizeBounds(
    string Industry,
    IReadOnlyList<string> Codes,
    SizeBounds? Employees,
    SizeBounds? RevenueTenThousandYuan,
    SizeBounds? AssetsTenThousandYuan);

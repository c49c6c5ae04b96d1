namespace ExchangeHub.Policy.SizeClasses;

/// <summary>The indicators of the 2017 size table: X employees, Y operating revenue, Z total assets.</summary>
public enum SizeIndicator
{
    Employees,
    Revenue,
    TotalAssets,
}

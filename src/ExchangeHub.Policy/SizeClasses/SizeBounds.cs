namespace ExchangeHub.Policy.SizeClasses;

/// <summary>Lower bounds of one indicator for the large, medium and small classes (persons, or 10,000 yuan).</summary>
public sealed record SizeBounds(long Large, long Medium, long Small)
{
    public long For(SizeClass sizeClass) => sizeClass switch
    {
        SizeClass.Large => Large,
        SizeClass.Medium => Medium,
        SizeClass.Small => Small,
        _ => 0,
    };
}

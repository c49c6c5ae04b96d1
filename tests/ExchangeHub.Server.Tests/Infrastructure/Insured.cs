namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>Insured months of a person: REGULAR contribution lines of unit 1 pushed by the tax feed.</summary>
public static class Insured
{
    /// <summary><paramref name="months"/> monthly lines for the person from <paramref name="first"/>, source ids <c>{prefix}-{person}-{yyyyMM}</c>; none rejected.</summary>
    public static async Task MonthsAsync(TestHub hub, string prefix, int person, int months, DateOnly first)
    {
        var lines = Enumerable.Range(0, months)
            .Select(i => Records.Line($"{prefix}-{person}-{first.AddMonths(i):yyyyMM}", unit: 1, person: person, period: $"{first.AddMonths(i):yyyy-MM}"))
            .ToList();
        Assert.Equal(0, (await Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), lines)).Rejected);
    }
}

namespace ExchangeHub.Policy.Tests;

public sealed class YearMonthTests
{
    [Theory]
    [InlineData("2023-01", 2023, 1)]
    [InlineData("2024-12", 2024, 12)]
    public void Parse_ValidMonth_YearAndMonth(string text, int year, int month)
    {
        var value = YearMonth.Parse(text);

        Assert.Equal(new YearMonth(year, month), value);
        Assert.Equal(text, value.ToString());
    }

    [Theory]
    [InlineData("2023-13")]
    [InlineData("2023-00")]
    [InlineData("2023-1")]
    [InlineData("202301")]
    [InlineData("")]
    public void TryParse_Malformed_False(string text)
    {
        Assert.False(YearMonth.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2023-12", 1, "2024-01")]
    [InlineData("2024-01", -1, "2023-12")]
    [InlineData("2024-03", 24, "2026-03")]
    [InlineData("2024-03", -27, "2021-12")]
    public void AddMonths_AcrossYears_Month(string start, int months, string expected)
    {
        Assert.Equal(YearMonth.Parse(expected), YearMonth.Parse(start).AddMonths(months));
    }

    [Fact]
    public void CompareTo_Months_ChronologicalOrder()
    {
        Assert.True(YearMonth.Parse("2023-12") < YearMonth.Parse("2024-01"));
        Assert.True(YearMonth.Parse("2024-02") >= YearMonth.Parse("2024-02"));
        Assert.Equal(13, YearMonth.Parse("2023-01").MonthsUntil(YearMonth.Parse("2024-02")));
    }
}

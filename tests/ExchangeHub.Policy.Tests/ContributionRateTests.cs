using ExchangeHub.Policy.Rates;
using ExchangeHub.Policy.Tests.Support;

namespace ExchangeHub.Policy.Tests;

/// <summary>1.(1): amounts must equal round(base × rate) ± 1 fen for the rate in force in the line's period.</summary>
public sealed class ContributionRateTests
{
    private readonly ContributionRateCheck _check = new(Policies.Draft);

    [Theory]
    [Trait("clause", "1.(1)")]
    [InlineData("2024-05", 500000, 2500, 2500, RateCheckStatus.Ok, RateReasonCodes.Matches)]
    [InlineData("2024-05", 500000, 2501, 2499, RateCheckStatus.Ok, RateReasonCodes.Matches)]
    [InlineData("2024-05", 500000, 2502, 2500, RateCheckStatus.Mismatch, RateReasonCodes.EmployerMismatch)]
    [InlineData("2024-05", 500000, 2500, 2497, RateCheckStatus.Mismatch, RateReasonCodes.EmployeeMismatch)]
    [InlineData("2024-05", 500000, 5000, 5000, RateCheckStatus.Mismatch, RateReasonCodes.BothMismatch)]
    [InlineData("2024-05", 300100, 1501, 1501, RateCheckStatus.Ok, RateReasonCodes.Matches)] // 1500.5 → 1501 half-up
    [InlineData("2019-05", 500000, 2500, 2500, RateCheckStatus.Ok, RateReasonCodes.Matches)] // first month in force
    [InlineData("2025-12", 500000, 2500, 2500, RateCheckStatus.Ok, RateReasonCodes.Matches)] // last month in force
    [InlineData("2026-01", 500000, 2500, 2500, RateCheckStatus.Undetermined, RateReasonCodes.NoRateInForce)]
    [InlineData("2019-04", 500000, 2500, 2500, RateCheckStatus.Undetermined, RateReasonCodes.NoRateInForce)]
    public void Check_LineAmounts_AgainstRateInForceInPeriod(string period, long wageBase, long employer, long employee, RateCheckStatus status, string reason)
    {
        var result = _check.Check(YearMonth.Parse(period), wageBase, employer, employee);

        Assert.Equal(status, result.Status);
        Assert.Equal(reason, result.Check.ReasonCode);
        Assert.Equal("1.(1)", result.Check.ClauseId);
    }

    [Fact]
    [Trait("clause", "1.(1)")]
    public void Check_AfterRateExpires_NamesMissingParameter()
    {
        var result = _check.Check(new YearMonth(2026, 1), 500000, 2500, 2500);

        Assert.Equal("$.parameters.ui_rate.employer", result.Check.MissingFact);
        Assert.Null(result.ExpectedEmployerFen);
    }
}

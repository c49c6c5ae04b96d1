using System.Globalization;
using ExchangeHub.Policy.Tests.Support;
using ExchangeHub.Policy.Transfers;
using static ExchangeHub.Policy.Transfers.TransferRuleReasonCodes;

namespace ExchangeHub.Policy.Tests;

/// <summary>
/// 2.(4) practice as dated parameters: money moves from 12 months paid here, 1.5 × monthly benefit × months due rounded
/// half-up to the fen (POLICY.md conventions); the transferring-out side acts within 5 working days on the national and
/// Xinjiang calendars, undetermined through a year a calendar does not cover.
/// </summary>
[Trait("clause", "2.(4)")]
public sealed class TransferTests
{
    private static readonly DateOnly RequestedOn = new(2025, 6, 5);
    private readonly TransferDecider _decider = new(Policies.Draft);

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0, 200_000, 6, 0L, FundBelowMinimumMonths)]
    [InlineData(11, 200_000, 6, 0L, FundBelowMinimumMonths)] // one below the minimum: no money moves
    [InlineData(12, 200_000, 6, 1_800_000L, FundMoves)] // on the minimum
    [InlineData(13, 200_000, 6, 1_800_000L, FundMoves)]
    [InlineData(24, 200_000, 4, 1_200_000L, FundMoves)]
    [InlineData(12, 200_000, 0, 0L, FundMoves)]
    [InlineData(12, 1, 1, 2L, FundMoves)] // 1.5 fen → 2: half a fen rounds up
    [InlineData(12, 3, 1, 5L, FundMoves)] // 4.5 fen → 5
    [InlineData(12, 2, 1, 3L, FundMoves)] // 3 fen exactly
    [InlineData(13, 180_001, 3, 810_005L, FundMoves)] // 1.5 × 540,003 = 810,004.5 → 810,005
    [InlineData(12, 10_000_000, 24, 360_000_000L, FundMoves)]
    public void Decide_MonthsPaidHere_FundToTheFen(int monthsPaidHere, long monthlyBenefitFen, int monthsDue, long expected, string reason)
    {
        var decision = _decider.Decide(new TransferOutFacts(RequestedOn, monthsPaidHere, monthlyBenefitFen, monthsDue));

        Assert.Equal(expected, decision.FundAmountFen);
        var fund = decision.Explanation.Checks.Single(c => c.RuleId == RuleFund);
        Assert.Equal((reason, "2.(4)", reason == FundMoves, "12", "1.5"), (fund.ReasonCode, fund.ClauseId, fund.Passed, fund.Parameters["min_paid_months"],
            fund.Parameters["fund_multiplier"]));
    }

    [Fact]
    public void Decide_RequestBeforeTheParameters_FundUndeterminedNamingParameter()
    {
        var decision = _decider.Decide(new TransferOutFacts(new DateOnly(2023, 12, 29), 24, 200_000, 6));

        Assert.Null(decision.FundAmountFen);
        var fund = decision.Explanation.Checks.Single(c => c.RuleId == RuleFund);
        Assert.Equal((FundParameterMissing, "$.parameters.transfer.min_paid_months"), (fund.ReasonCode, fund.MissingFact));
    }

    [Theory]
    [InlineData("2025-06-05", "2025-06-17")] // Xinjiang's 6/6, 6/9, 6/10 off (national: 2025-06-12)
    [InlineData("2025-09-26", "2025-10-10")] // make-up day 9/28, National Day 10/1..10/8, make-up 10/11 after
    [InlineData("2025-12-24", "2025-12-31")] // the last day Xinjiang covers
    [InlineData("2024-12-31", "2025-01-08")] // the request day is not counted
    public void TimeLimit_CoveredYear_DueAfterFiveWorkingDays(string requested, string due)
    {
        var limit = _decider.TimeLimit(Day(requested));

        Assert.Equal((Day(due), (string?)null), (limit.DueOn, limit.DueUndetermined));
        Assert.Equal((ActDue, "5", "national,xinjiang"), (limit.Check.ReasonCode, limit.Check.Parameters["act_working_days"],
            limit.Check.Parameters["calendar_regions"]));
    }

    [Theory]
    [InlineData("2024-09-27", 2024)] // national 2024 is covered, Xinjiang 2024 is not
    [InlineData("2025-12-25", 2026)] // crosses 12-31 into 2026
    [InlineData("2026-03-02", 2026)]
    public void TimeLimit_UncoveredXinjiangYear_UndeterminedNamingIt(string requested, int year)
    {
        var decision = _decider.Decide(new TransferOutFacts(Day(requested), 24, 200_000, 6));

        Assert.Null(decision.DueOn);
        Assert.Equal($"due date undetermined: calendar xinjiang year {year} not covered", decision.DueUndetermined);
        var limit = decision.Explanation.Checks.Single(c => c.RuleId == RuleTimeLimit);
        Assert.Equal((CalendarMissing, "$.calendar.coverage.xinjiang"), (limit.ReasonCode, limit.MissingFact));
        Assert.Equal(1_800_000L, decision.FundAmountFen); // the fund does not depend on the calendar
    }
}

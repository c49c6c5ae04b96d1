using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Refunds;

namespace ExchangeHub.Benchmarks.Relay;

/// <summary>
/// Refund offers as reconciliation writes them: five explanation rules each, subjects drawn at random (fixed seed) from
/// a pool of units, so a batch holds mostly different subjects and some subjects several events.
/// </summary>
internal static class RelayEvents
{
    public const int Seed = 20_241_126;

    public static List<RefundOffered> Create(int count, int subjects, string correlationId)
    {
        var random = new Random(Seed);
        var perSubject = new int[subjects];
        var events = new List<RefundOffered>(count);
        var occurred = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var s = random.Next(subjects);
            var uscc = "91659001" + s.ToString("D9", System.Globalization.CultureInfo.InvariantCulture) + "X";
            var amount = 10_000L + random.Next(5_000_000);
            events.Add(new RefundOffered
            {
                EventId = Guid.NewGuid(),
                OccurredAt = occurred.AddSeconds(i),
                PolicyId = "xpcc-2024",
                PolicyVersion = "2024.1+sha256:9f2c4be1a3d5e7f90a1b2c3d4e5f60718293a4b5c6d7e8f901a2b3c4d5e6f708",
                SubjectKey = uscc,
                CorrelationId = correlationId,
                Uscc = uscc,
                ProgramYear = 2024,
                DecisionId = ++perSubject[s],
                AmountFen = amount * 6 / 10,
                Rate = "0.6",
                BaseFen = amount,
                SizeClass = "SMALL",
                SizeClassSource = "PROVISIONAL",
                UsageNotice = "稳岗返还资金用于职工生活补助、缴纳社会保险费、转岗培训、技能提升培训等相关支出。",
                Explanation = Rules(amount),
            });
        }
        return events;
    }

    private static List<RuleOutcome> Rules(long baseFen) =>
    [
        Rule("REFUND_INSURED", "1.(2)", "REFUND_INSURED_IN_ASSESSMENT_YEAR", "insured and paying premiums in 2023", ("paidMonths", "12")),
        Rule("REFUND_SETTLED", "1.(2)", "REFUND_PREMIUMS_SETTLED", "premiums of 2023 settled in full", ("unsettledMonths", "0")),
        Rule("REFUND_LAYOFF", "1.(2)", "REFUND_LAYOFF_RATE_WITHIN_TARGET", "layoff rate 2.1% within the 5.5% target",
            ("laidOff", "1"), ("averageInsured", "48")),
        Rule("REFUND_STATUS", "1.(2)", "REFUND_UNIT_ACTIVE", "unit active, not in serious breach of trust", ("status", "ACTIVE")),
        Rule("REFUND_AMOUNT", "2.(1)", "REFUND_AMOUNT_SMALL_60", "60% of the premiums paid for 2023",
            ("baseFen", baseFen.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("rate", "0.6")),
    ];

    private static RuleOutcome Rule(string id, string clause, string reason, string message, params (string Key, string Value)[] inputs) => new()
    {
        RuleId = id,
        ClauseId = clause,
        ReasonCode = reason,
        Result = "PASSED",
        Message = message,
        Inputs = inputs.ToDictionary(i => i.Key, i => i.Value),
        Parameters = new Dictionary<string, string> { ["targetRate"] = "0.055", ["refundRateSmall"] = "0.6" },
    };
}

using System.Text.Json.Nodes;
using ExchangeHub.Policy.Loading;
using ExchangeHub.Policy.Tests.Support;

namespace ExchangeHub.Policy.Tests;

/// <summary>The policy file: every parameter dated and sourced; a broken file is refused naming the parameter at fault.</summary>
public sealed class PolicyLoaderTests
{
    [Fact]
    [Trait("clause", "3.(4)")]
    public void Load_RepositoryFile_IdVersionAndHashOfBytes()
    {
        var policy = Policies.Draft;

        Assert.Equal("xpcc-2024", policy.Id);
        Assert.Equal("2024.1", policy.Version);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Policies.DraftPath)));
        Assert.Equal(expected, policy.Sha256);
    }

    [Fact]
    [Trait("clause", "1.(2)")]
    public void Load_RepositoryFile_ParametersOfTheNotice()
    {
        var policy = Policies.Draft;
        var day = new DateOnly(2024, 6, 1);

        Assert.Equal(0.005m, policy.ContributionRate.Employer.At(new DateOnly(2025, 12, 31))!.Value);
        Assert.Null(policy.ContributionRate.Employee.At(new DateOnly(2026, 1, 1)));
        Assert.Equal(2023, policy.Refund.Window.At(day)!.Value.AssessmentYear);
        Assert.Equal(0.055m, policy.Refund.UnemploymentTarget.At(day)!.Value);
        Assert.Equal(30, policy.Refund.SmallUnitThreshold.At(day)!.Value);
        Assert.Equal(0.20m, policy.Refund.SmallUnitLayoffCap.At(day)!.Value);
        Assert.Equal(200000, policy.Skill.AmountsFen.At(day)!.Value[3]);
        Assert.Equal(24, policy.Benefit.MaxMonths.At(day)!.Value);
        Assert.Equal(10, policy.Claim.DecisionWorkingDays.At(day)!.Value);
        Assert.Equal("1.(2)", policy.Refund.Rates.At(day)!.Clause);
    }

    [Fact]
    [Trait("clause", "3.(4)")]
    public void Load_SameBytesTwice_SameHash()
    {
        var bytes = File.ReadAllBytes(Policies.DraftPath);

        Assert.Equal(PolicyLoader.Parse(bytes).Sha256, PolicyLoader.Load(new MemoryStream(bytes)).Sha256);
    }

    public static TheoryData<string, Action<JsonNode>, string> BrokenFiles => new()
    {
        {
            "overlapping periods",
            root => root["parameters"]!["ui_rate"]!["employer"]![1]!["from"] = "2024-12-31",
            "$.parameters.ui_rate.employer[1].from overlaps [0]"
        },
        {
            "gap between periods",
            root => root["parameters"]!["ui_rate"]!["employee"]![1]!["from"] = "2025-02-01",
            "$.parameters.ui_rate.employee[1].from leaves a gap after [0]"
        },
        {
            "open-ended period followed by another",
            root => root["parameters"]!["ui_rate"]!["employer"]![0]!.AsObject().Remove("to"),
            "$.parameters.ui_rate.employer[1].from overlaps [0]"
        },
        {
            "missing value",
            root => root["parameters"]!["refund"]!["unemployment_target"]![0]!.AsObject().Remove("value"),
            "$.parameters.refund.unemployment_target[0].value is missing"
        },
        {
            "missing parameter",
            root => root["parameters"]!["skill"]!.AsObject().Remove("yearly_cap"),
            "$.parameters.skill.yearly_cap is missing"
        },
        {
            "missing rate of a size class",
            root => root["parameters"]!["refund"]!["rates"]![0]!["value"]!.AsObject().Remove("MICRO"),
            "$.parameters.refund.rates[0].value.MICRO is missing"
        },
        {
            "unknown key",
            root => root["parameters"]!["refund"]!["refund_rate"] = 0.5,
            "$.parameters.refund.refund_rate is not a known key"
        },
        {
            "unknown key in an entry",
            root => root["parameters"]!["refund"]!["rates"]![0]!["until"] = "2024-12-31",
            "$.parameters.refund.rates[0].until is not a known key"
        },
        {
            "unknown organisation type",
            root => root["parameters"]!["refund"]!["covered_org_types"]![0]!["value"]!.AsArray().Add("CHURCH"),
            "$.parameters.refund.covered_org_types[0].value[7] 'CHURCH' is not one of"
        },
        {
            "rate written as a percentage",
            root => root["parameters"]!["refund"]!["unemployment_target"]![0]!["value"] = 5.5,
            "$.parameters.refund.unemployment_target[0].value is not a rate between 0 and 1"
        },
        {
            "end before start",
            root => root["parameters"]!["refund"]!["window"]![0]!["to"] = "2023-12-31",
            "$.parameters.refund.window[0].to 2023-12-31 is before from 2024-01-01"
        },
        {
            "clause id that is not the notice's",
            root => root["parameters"]!["claim"]!["decision_working_days"]![0]!["clause"] = "Art. 17",
            "$.parameters.claim.decision_working_days[0].clause 'Art. 17' is not a clause id"
        },
        {
            "parameter not covering the programme window",
            root => root["parameters"]!["refund"]!["min_paid_months"]![0]!["to"] = "2024-06-30",
            "$.parameters.refund.min_paid_months has no value for part of 2024-01-01..2024-12-31 ($.parameters.refund.window[0])"
        },
        {
            "make-up working day on a weekday",
            root => root["calendar"]!["national"]!["2024"]!["make_up_working_days"]!.AsArray().Add("2024-03-04"),
            "$.calendar.national.2024.make_up_working_days 2024-03-04 is not a weekend day"
        },
        {
            "holiday outside its year",
            root => root["calendar"]!["national"]!["2025"]!["holidays"]!.AsArray().Add("2024-12-31"),
            "$.calendar.national.2025.holidays[6] 2024-12-31 is outside 2025"
        },
        {
            "claim calendar naming an unknown region",
            root => root["parameters"]!["claim"]!["calendar_regions"]![0]!["value"]!.AsArray().Add("tibet"),
            "$.parameters.claim.calendar_regions[0].value names region 'tibet'"
        },
        {
            "transfer calendar naming an unknown region",
            root => root["parameters"]!["transfer"]!["calendar_regions"]![0]!["value"]!.AsArray().Add("tibet"),
            "$.parameters.transfer.calendar_regions[0].value names region 'tibet'"
        },
        {
            "transfer fund multiplier not positive",
            root => root["parameters"]!["transfer"]!["fund_multiplier"]![0]!["value"] = 0,
            "$.parameters.transfer.fund_multiplier[0].value must be greater than 0"
        },
        {
            "transfer parameter without a clause",
            root => root["parameters"]!["transfer"]!["min_paid_months"]![0]!.AsObject().Remove("clause"),
            "$.parameters.transfer.min_paid_months[0].clause is missing"
        },
        {
            "calendar coverage claiming a year without its days",
            root => root["calendar"]!["coverage"]!["xinjiang"]!.AsArray().Add(2026),
            "$.calendar.coverage.xinjiang covers 2025, 2026 but the calendar lists 2025"
        },
        {
            "calendar listing a year its coverage does not state",
            root => root["calendar"]!["coverage"]!["national"]!.AsArray().RemoveAt(2),
            "$.calendar.coverage.national covers 2024, 2025 but the calendar lists 2024, 2025, 2026"
        },
        {
            "calendar without coverage",
            root => root["calendar"]!["coverage"]!.AsObject().Remove("xinjiang"),
            "$.calendar.coverage.xinjiang is missing"
        },
        {
            "coverage of an unknown calendar",
            root => root["calendar"]!["coverage"]!["tibet"] = new JsonArray(2025),
            "$.calendar.coverage.tibet names a calendar that is neither national nor in $.calendar.regions"
        },
        {
            "duration brackets out of order",
            root => root["parameters"]!["benefit"]!["durations"]![0]!["value"]![1]!["min_insured_months"] = 12,
            "$.parameters.benefit.durations[0].value[1].min_insured_months must be greater than the previous bracket's"
        },
        {
            "size bounds not decreasing",
            root => root["parameters"]!["size_class"]![0]!["value"]![1]!["employees"]![1] = 2000,
            "$.parameters.size_class[0].value[1].employees must decrease"
        },
    };

    [Theory]
    [Trait("clause", "3.(4)")]
    [MemberData(nameof(BrokenFiles))]
    public void Parse_BrokenFile_NamesParameterAtFault(string name, Action<JsonNode> breakIt, string expected)
    {
        var root = JsonNode.Parse(Policies.DraftText)!;
        breakIt(root);

        var error = Assert.Throws<PolicyValidationException>(() => Policies.FromText(root.ToJsonString()));

        Assert.True(error.Message.StartsWith(expected, StringComparison.Ordinal), $"{name}: {error.Message}");
    }

    [Fact]
    [Trait("clause", "2.(3)")]
    public void Load_RepositoryFile_CalendarCoverage()
    {
        var coverage = Policies.Draft.Calendars.Coverage;

        Assert.Equal([2024, 2025, 2026], coverage["national"].Order());
        Assert.Equal([2025], coverage["xinjiang"].Order());
    }

    [Theory]
    [Trait("clause", "2.(4)")]
    [InlineData("2023-12-31", null, null, null)]
    [InlineData("2024-01-01", 5, 12, "1.5")]
    [InlineData("2026-06-30", 5, 12, "1.5")]
    public void Load_RepositoryFile_TransferParametersDatedFrom2024(string date, int? actWorkingDays, int? minPaidMonths, string? multiplier)
    {
        var transfer = Policies.Draft.Transfer;
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((actWorkingDays, minPaidMonths, multiplier is null ? (decimal?)null : decimal.Parse(multiplier, System.Globalization.CultureInfo.InvariantCulture)),
            (transfer.ActWorkingDays.At(day)?.Value, transfer.MinPaidMonths.At(day)?.Value, transfer.FundMultiplier.At(day)?.Value));
        Assert.All([transfer.ActWorkingDays.At(day)?.Clause, transfer.MinPaidMonths.At(day)?.Clause, transfer.FundMultiplier.At(day)?.Clause,
            transfer.CalendarRegions.At(day)?.Clause], clause => Assert.Equal(actWorkingDays is null ? null : "2.(4)", clause));
    }

    [Fact]
    [Trait("clause", "3.(4)")]
    public void Parse_DuplicateKey_Refused()
    {
        var text = Policies.DraftText.Replace("\"version\": \"2024.1\",", "\"version\": \"2024.1\", \"version\": \"2024.2\",", StringComparison.Ordinal);

        var error = Assert.Throws<PolicyValidationException>(() => Policies.FromText(text));

        Assert.StartsWith("$ is not valid JSON", error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.WhatIf;
using ExchangeHub.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.WhatIf;

/// <summary>
/// Issue 14 item 2, the person programmes: a pending skill subsidy (a certificate not decided) and a pending benefit
/// claim (submitted, not decided) decided under the hub's policy and a variant through the real hub over gRPC — the
/// exact fen of another subsidy amount, the months and flipped outcome of other benefit parameters, each naming its
/// rule, subjects named by person key (never the resident id).
/// </summary>
[Trait("clause", "1.(3)")]
[Trait("clause", "1.(4)")]
public abstract class WhatIfPersonTests(StorageProvider provider) : IAsyncLifetime
{
    private const int Holder = 10, Claimant = 20;
    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub Hub { get; set; } = null!;

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
        ["Hub:Policy:Path"] = TestPolicies.XinjiangCovering2024,
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    private static string Variant(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(TestPolicies.XinjiangCovering2024))!;
        root["version"] = "variant";
        change(root);
        return root.ToJsonString();
    }

    [Fact]
    public async Task HigherSkillAmount_ChangesThePendingSubsidyByTheExactFen_AndNamesTheRule()
    {
        await SeedAsync();

        var (changed, summary) = await WhatIfAsync(Variant(root => root["parameters"]!["skill"]!["amounts_fen"]![0]!["value"]!["5"] = 120_000));

        var skill = Assert.Single(changed);
        Assert.Equal((WhatIfRunner.SkillProgramme, $"{KeyOf(Holder)}/C-wi-cert", "", WhatIfRunner.NotApplicable), (skill.Programme, skill.SubjectKey, skill.DivisionCode, skill.SizeClass));
        Assert.Equal(("GRANTED", 100_000L, "GRANTED", 120_000L, 20_000L), (skill.BaselineOutcome, skill.BaselineAmountFen, skill.VariantOutcome,
            skill.VariantAmountFen, skill.DifferenceFen));
        Assert.Equal("1.(3)", skill.ClauseId);
        Assert.NotEmpty(skill.RuleId);
        // Three subjects: the lines' unit 1 (a refund subject, unchanged), the certificate and the claim.
        Assert.Equal((3, 1, 20_000L), (summary.Subjects, summary.ChangedSubjects, summary.DifferenceFen));
        var group = summary.Groups.Single(g => g.Programme == WhatIfRunner.SkillProgramme);
        Assert.Equal(("", WhatIfRunner.NotApplicable, "GRANTED", 1, 1, 20_000L), (group.DivisionCode, group.SizeClass, group.Outcome, group.BaselineCount,
            group.VariantCount, group.DifferenceFen));
        Assert.Contains(summary.Groups, g => g.Programme == WhatIfRunner.BenefitProgramme && g.Outcome == "ELIGIBLE" && g.BaselineCount == 1);
    }

    [Fact]
    public async Task LongerBenefitPeriod_ChangesThePendingClaimsMonths_AndNamesTheRule()
    {
        var claimId = await SeedAsync();

        var (changed, _) = await WhatIfAsync(Variant(root => root["parameters"]!["benefit"]!["durations"]![0]!["value"]![0]!["months"] = 15));

        var claim = Assert.Single(changed);
        Assert.Equal(WhatIfRunner.BenefitProgramme, claim.Programme);
        Assert.Equal($"{KeyOf(Claimant)}/{claimId}", claim.SubjectKey);
        Assert.DoesNotContain(Ids.ResidentId(Claimant), claim.SubjectKey, StringComparison.Ordinal);
        Assert.Equal(("ELIGIBLE", 12, "ELIGIBLE", 15, 0L), (claim.BaselineOutcome, claim.BaselineMonths, claim.VariantOutcome, claim.VariantMonths, claim.DifferenceFen));
        Assert.Equal((Policy.Benefits.BenefitReasonCodes.RuleDuration, "1.(4)"), (claim.RuleId, claim.ClauseId));
    }

    [Fact]
    public async Task HigherBenefitMinimum_FlipsThePendingClaim_AndNamesTheRule()
    {
        await SeedAsync();

        var (changed, summary) = await WhatIfAsync(Variant(root => root["parameters"]!["benefit"]!["min_insured_months"]![0]!["value"] = 30));

        var claim = Assert.Single(changed);
        Assert.Equal(("ELIGIBLE", 12, "INELIGIBLE", 0), (claim.BaselineOutcome, claim.BaselineMonths, claim.VariantOutcome, claim.VariantMonths));
        Assert.Equal(Policy.Benefits.BenefitReasonCodes.RuleInsured, claim.RuleId);
        var benefit = summary.Groups.Where(g => g.Programme == WhatIfRunner.BenefitProgramme).ToList();
        Assert.Equal((-1, 1), (benefit.Single(g => g.Outcome == "ELIGIBLE").CountDifference, benefit.Single(g => g.Outcome == "INELIGIBLE").CountDifference));
    }

    [Fact]
    public async Task VariantEqualToBaseline_PersonsCountedUnchanged()
    {
        await SeedAsync();

        var (changed, summary) = await WhatIfAsync(await File.ReadAllTextAsync(TestPolicies.XinjiangCovering2024));

        Assert.Empty(changed);
        Assert.Equal((3, 0, 0L), (summary.Subjects, summary.ChangedSubjects, summary.DifferenceFen));
        Assert.Equal(100_000L, summary.Groups.Where(g => g.Programme != WhatIfRunner.RefundProgramme).Sum(g => g.BaselineAmountFen));
        Assert.Equal([WhatIfRunner.RefundProgramme, WhatIfRunner.SkillProgramme, WhatIfRunner.BenefitProgramme],
            summary.Groups.Select(g => g.Programme).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DecidedClaimAndGrantedSubsidy_AreNotPending()
    {
        var claimId = await SeedAsync();
        var operatorChannel = Hub.Channel(TestHub.OperatorToken);
        await new SkillSubsidyService.SkillSubsidyServiceClient(operatorChannel)
            .DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = "2024-11-30" });
        await new BenefitClaimService.BenefitClaimServiceClient(operatorChannel).DecideClaimAsync(new DecideClaimRequest { ClaimId = claimId, DecisionDate = "2024-11-30" });

        var (changed, summary) = await WhatIfAsync(Variant(root => root["parameters"]!["skill"]!["amounts_fen"]![0]!["value"]!["5"] = 120_000));

        Assert.Empty(changed);
        Assert.Equal(1, summary.Subjects); // the lines' unit only
        Assert.All(summary.Groups, g => Assert.Equal(WhatIfRunner.RefundProgramme, g.Programme));
    }

    [Fact]
    public async Task NothingStored_NoSubjectsNoGroups()
    {
        var (changed, summary) = await WhatIfAsync(Variant(root => root["parameters"]!["benefit"]!["min_insured_months"]![0]!["value"] = 30));

        Assert.Empty(changed);
        Assert.Equal((0, 0, 0L), (summary.Subjects, summary.ChangedSubjects, summary.BaselineAmountFen));
        Assert.Empty(summary.Groups);
    }

    /// <summary>A holder of a level-5 certificate with 12 insured months (not decided), and a claimant with 24 months whose claim is submitted only.</summary>
    private async Task<string> SeedAsync()
    {
        var lines = Enumerable.Range(0, 12).Select(i => Records.Line($"wi-{Holder}-{i}", unit: 1, person: Holder, period: $"{new DateOnly(2023, 1, 1).AddMonths(i):yyyy-MM}"))
            .Concat(Enumerable.Range(0, 24).Select(i => Records.Line($"wi-{Claimant}-{i}", unit: 1, person: Claimant, period: $"{new DateOnly(2022, 1, 1).AddMonths(i):yyyy-MM}")))
            .ToList();
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), lines)).Rejected);
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(Hub.Channel(TestHub.SkillToken), [Records.Certificate("wi-cert", person: Holder)])).Rejected);
        return (await new BenefitClaimService.BenefitClaimServiceClient(Hub.Channel(TestHub.OperatorToken)).SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(Claimant), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.App },
        })).ClaimId;
    }

    private async Task<(List<WhatIfChangedSubject> Changed, WhatIfSummary Summary)> WhatIfAsync(string policyJson)
    {
        using var call = new WhatIfService.WhatIfServiceClient(Hub.Channel(TestHub.OperatorToken))
            .RunWhatIf(new RunWhatIfRequest { PolicyJson = policyJson, DecisionDate = "2024-11-30" }, deadline: DateTime.UtcNow.AddMinutes(2));
        var changed = new List<WhatIfChangedSubject>();
        WhatIfSummary? summary = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            var message = call.ResponseStream.Current;
            if (message.EventCase == RunWhatIfResponse.EventOneofCase.ChangedSubject)
            {
                changed.Add(message.ChangedSubject);
            }
            else if (message.EventCase == RunWhatIfResponse.EventOneofCase.Summary)
            {
                summary = message.Summary;
            }
        }
        return (changed, summary ?? throw new InvalidOperationException("no summary"));
    }

    private string KeyOf(int person) => Hub.Services.GetRequiredService<PersonKey>().Of(Ids.ResidentId(person));
}

[Trait("storage", "sqlite")]
public sealed class SqliteWhatIfPersonTests() : WhatIfPersonTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresWhatIfPersonTests() : WhatIfPersonTests(StorageProvider.Postgres);

using System.Text.Json.Nodes;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.Server.WhatIf;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.WhatIf;

/// <summary>
/// Issue 14 item 2: the seeded refund units decided under the hub's policy and a variant file, through the real hub
/// over gRPC — amounts to the fen, a flipped outcome naming its rule, nothing stored but the call's audit entry.
/// </summary>
[Trait("clause", "1.(2)")]
public abstract class WhatIfTests(StorageProvider provider) : SeededRefundHub(provider)
{
    private const int Layoff = 9;
    private static readonly string[] StoredTables =
        // The outbox without the checkpoints of the audit log, which the call's own audit entry may cause (issue 15).
        ["refund_decisions", "refund_cases", "outbox_messages WHERE message_type <> 'urn:message:exchangehub.v1:AuditCheckpointSigned'", "reconciliation_runs", "reconciliation_exceptions", "skill_subsidy_decisions", "benefit_decisions"];

    private static string Variant(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(TestPolicies.XinjiangCovering2024))!;
        root["version"] = "variant";
        change(root);
        return root.ToJsonString();
    }

    private static string LowerRates => Variant(root =>
        root["parameters"]!["refund"]!["rates"]![0]!["value"] = new JsonObject { ["LARGE"] = 0.2m, ["MEDIUM"] = 0.5m, ["SMALL"] = 0.5m, ["MICRO"] = 0.5m });

    private sealed record Result(List<WhatIfChangedSubject> Changed, WhatIfSummary Summary, int ProgressMessages);

    private async Task<Result> WhatIfAsync(string policyJson, int maxChanged = 0, string token = TestHub.OperatorToken)
    {
        var client = new WhatIfService.WhatIfServiceClient(Hub.Channel(token));
        using var call = client.RunWhatIf(new RunWhatIfRequest { PolicyJson = policyJson, DecisionDate = "2024-06-30", MaxChangedSubjects = maxChanged },
            deadline: DateTime.UtcNow.AddMinutes(2));
        var changed = new List<WhatIfChangedSubject>();
        WhatIfSummary? summary = null;
        var progress = 0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            Assert.Null(summary); // the summary is last, once
            var message = call.ResponseStream.Current;
            switch (message.EventCase)
            {
                case RunWhatIfResponse.EventOneofCase.Progress: progress++; break;
                case RunWhatIfResponse.EventOneofCase.ChangedSubject: changed.Add(message.ChangedSubject); break;
                default: summary = message.Summary; break;
            }
        }
        Assert.NotNull(summary);
        return new Result(changed, summary, progress);
    }

    [Fact]
    public async Task LowerRefundRate_ChangesEachEligibleAmountByTheExactFen()
    {
        // A run first: the what-if's baseline is what the run decided (and the run's stored decisions change nothing in it).
        await RunAsync();
        var largeDecision = (await DecisionAsync(SizeMismatch)).Decision;
        var result = await WhatIfAsync(LowerRates);

        // 60% → 50% of the 720,000 fen base: 432,000 → 360,000 fen.
        var eligible = result.Changed.Single(c => c.SubjectKey == Ids.Uscc(Eligible));
        Assert.Equal(("ELIGIBLE", 432_000L, "ELIGIBLE", 360_000L, -72_000L), (eligible.BaselineOutcome, eligible.BaselineAmountFen, eligible.VariantOutcome,
            eligible.VariantAmountFen, eligible.DifferenceFen));
        Assert.Equal((RefundReasonCodes.RuleAmount, "1.(2)", "SMALL", "REFUND"), (eligible.RuleId, eligible.ClauseId, eligible.SizeClass, eligible.Programme));
        // The large unit: 30% → 20%; the labour-dispatch unit is ELIGIBLE too (awaiting application).
        var large = result.Changed.Single(c => c.SubjectKey == Ids.Uscc(SizeMismatch));
        Assert.Equal((largeDecision.AmountFen, Policy.Money.ApplyRate(largeDecision.BaseFen, 0.2m)), (large.BaselineAmountFen, large.VariantAmountFen));
        Assert.Equal([Ids.Uscc(Eligible), Ids.Uscc(Dispatch), Ids.Uscc(SizeMismatch)], result.Changed.Select(c => c.SubjectKey).Order(StringComparer.Ordinal));
        var s = result.Summary;
        Assert.Equal((8, 3, 0), (s.Subjects, s.ChangedSubjects, s.ChangedSubjectsTruncated));
        Assert.Equal(result.Changed.Sum(c => c.DifferenceFen), s.DifferenceFen);
        Assert.Equal(s.VariantAmountFen - s.BaselineAmountFen, s.DifferenceFen);
        Assert.Equal(("variant", "2024.1"), (s.VariantPolicyVersion, s.BaselinePolicyVersion));
        Assert.NotEqual(s.BaselinePolicySha256, s.VariantPolicySha256);
        // Per group: the ELIGIBLE SMALL group's difference is its two units' (same division).
        var small = s.Groups.Single(g => g.Outcome == "ELIGIBLE" && g.SizeClass == "SMALL");
        Assert.Equal((2, 2, 864_000L, 720_000L, -144_000L, 0), (small.BaselineCount, small.VariantCount, small.BaselineAmountFen, small.VariantAmountFen,
            small.DifferenceFen, small.CountDifference));
        Assert.Equal(s.DifferenceFen, s.Groups.Sum(g => g.DifferenceFen));
        Assert.Equal(s.Subjects, s.Groups.Sum(g => g.BaselineCount));
        Assert.True(result.ProgressMessages >= 2, "progress before and after the chunk");
    }

    [Fact]
    public async Task VariantEqualToBaseline_ZeroDifference_NoChangedSubjects()
    {
        var result = await WhatIfAsync(await File.ReadAllTextAsync(TestPolicies.XinjiangCovering2024));

        Assert.Empty(result.Changed);
        Assert.Equal((8, 0, 0L), (result.Summary.Subjects, result.Summary.ChangedSubjects, result.Summary.DifferenceFen));
        Assert.Equal(result.Summary.BaselinePolicySha256, result.Summary.VariantPolicySha256);
        Assert.All(result.Summary.Groups, g => Assert.Equal((g.BaselineCount, g.BaselineAmountFen), (g.VariantCount, g.VariantAmountFen)));
        Assert.True(result.Summary.BaselineAmountFen > 0);
    }

    [Fact]
    public async Task HigherLayoffThreshold_FlipsTheUnitsOutcome_AndNamesTheRule()
    {
        await SeedLayoffUnitAsync();

        var result = await WhatIfAsync(Variant(root => root["parameters"]!["refund"]!["unemployment_target"]![0]!["value"] = 0.15m));

        var flipped = Assert.Single(result.Changed);
        Assert.Equal((Ids.Uscc(Layoff), "INELIGIBLE", 0L, "ELIGIBLE"), (flipped.SubjectKey, flipped.BaselineOutcome, flipped.BaselineAmountFen, flipped.VariantOutcome));
        Assert.True(flipped.VariantAmountFen > 0);
        Assert.Equal((RefundReasonCodes.RuleLayoff, "1.(2)", RefundReasonCodes.LayoffRateAboveTarget, RefundReasonCodes.LayoffRateWithinTarget),
            (flipped.RuleId, flipped.ClauseId, flipped.BaselineReasonCode, flipped.VariantReasonCode));
        var eligible = result.Summary.Groups.Where(g => g.Outcome == "ELIGIBLE").Sum(g => g.CountDifference);
        var ineligible = result.Summary.Groups.Where(g => g.Outcome == "INELIGIBLE").Sum(g => g.CountDifference);
        Assert.Equal((1, -1, 9), (eligible, ineligible, result.Summary.Subjects));
    }

    [Fact]
    public async Task WhatIf_StoresNothing_AndAddsOneAuditEntry()
    {
        var before = await CountsAsync();
        var audit = await CountAsync("audit_log");

        await WhatIfAsync(LowerRates);

        Assert.Equal(before, await CountsAsync());
        // The call's entry closes as the handler returns; wait for it, then check it is the only one.
        for (var i = 0; i < 50 && await CountAsync("audit_log") == audit; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(audit + 1, await CountAsync("audit_log"));
    }

    [Fact]
    public async Task MaxChangedSubjects_StreamsThatMany_AndCountsTheRest()
    {
        var result = await WhatIfAsync(LowerRates, maxChanged: 1);

        Assert.Single(result.Changed);
        Assert.Equal((3, 2), (result.Summary.ChangedSubjects, result.Summary.ChangedSubjectsTruncated));
        var negative = await Assert.ThrowsAsync<RpcException>(() => WhatIfAsync(LowerRates, maxChanged: -1));
        Assert.Equal("max_changed_subjects", Field(negative));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("{\"id\": \"x\"}")]
    public async Task MalformedPolicy_InvalidArgument_NamingPolicyJson(string text)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => WhatIfAsync(text));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("policy_json", Field(ex));
        Assert.Equal((ErrorReasons.FieldInvalid, "policy_json"), (ErrorDetails.Info(ex).Reason, ErrorDetails.Info(ex).Metadata["field"]));
        if (text.Length > 0)
        {
            // The loader's own message (its JSON path) is the description.
            Assert.StartsWith("$", ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations[0].Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OversizedPolicy_InvalidArgument_NamingPolicyJson()
    {
        var atLimit = new string(' ', WhatIfGrpcService.MaxPolicyBytes - 2);
        var ok = await Assert.ThrowsAsync<RpcException>(() => WhatIfAsync("{" + atLimit + "}"));
        Assert.DoesNotContain("too large", ok.Status.Detail, StringComparison.Ordinal); // at the limit: parsed (and refused by the loader)

        var ex = await Assert.ThrowsAsync<RpcException>(() => WhatIfAsync("{" + atLimit + " }"));

        Assert.Equal((StatusCode.InvalidArgument, "policy_json"), (ex.StatusCode, Field(ex)));
        Assert.Contains("too large", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleThatMayNotRunReconciliation_PermissionDenied()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => WhatIfAsync(LowerRates, token: TestHub.TaxToken));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task WhileOneRuns_SecondIsFailedPrecondition_WritersAreNotBlocked_AndCancellationStopsIt()
    {
        var runner = Hub.Services.GetRequiredService<WhatIfRunner>();
        var policy = WhatIfGrpcService.Variant(LowerRates);
        var inChunk = new TaskCompletionSource();
        using var cancel = new CancellationTokenSource();
        // Held at the first changed subject: mid-chunk, its reader connections open.
        var first = runner.RunAsync(policy, new DateOnly(2024, 6, 30), 10, async _ =>
        {
            inChunk.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancel.Token);
        }, (_, _) => Task.CompletedTask, cancel.Token);
        await inChunk.Task;

        var ex = await Assert.ThrowsAsync<RpcException>(() => WhatIfAsync(LowerRates));

        Assert.Equal((StatusCode.FailedPrecondition, ErrorReasons.WhatIfInProgress), ErrorDetails.Of(ex));
        // It holds no writer: the writer lease is free and a feed is stored meanwhile.
        using (var soon = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        await using (var lease = await Hub.Services.GetRequiredService<HubDatabase>().AcquireWriterAsync(soon.Token))
        {
            Assert.NotNull(lease);
        }
        await SeedData.PushAsync(Hub.Channel(TestHub.TaxToken), Hub.Channel(TestHub.MarketToken), [SeedData.Unit(Layoff, P)], [], []);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(9, (await WhatIfAsync(LowerRates)).Summary.Subjects); // the slot is free again; the unit pushed meanwhile counts now
    }

    private static string Field(RpcException ex) => ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations[0].Field;

    /// <summary>A unit of 40 insured January to November and 36 in December 2023: a 10% layoff, above the 5.5% target.</summary>
    private async Task SeedLayoffUnitAsync()
    {
        var lines = Enumerable.Range(1, 12).SelectMany(month => Enumerable.Range(0, month == 12 ? 36 : 40).Select(person =>
        {
            var line = Records.Line($"{P}-u{Layoff}-m{month}-p{person}", Layoff, (Layoff * 100) + person, $"2023-{month:D2}");
            line.ReceivedDate = month == 12 ? "2024-01-15" : $"2023-{month + 1:D2}-15";
            return line;
        }));
        await SeedData.PushAsync(Hub.Channel(TestHub.TaxToken), Hub.Channel(TestHub.MarketToken),
            [SeedData.Unit(Layoff, P, u => u.Employees = 40)], lines, SeedData.YearOfSettlements(Layoff, P));
    }

    private async Task<List<long>> CountsAsync()
    {
        var counts = new List<long>();
        foreach (var table in StoredTables)
        {
            counts.Add(await CountAsync(table));
        }
        return counts;
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await Hub.Services.GetRequiredService<HubDatabase>().OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteWhatIfTests() : WhatIfTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresWhatIfTests() : WhatIfTests(StorageProvider.Postgres);

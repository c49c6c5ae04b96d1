using System.Globalization;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Common;

/// <summary>
/// FACTS: "D is never after today (China Standard Time); a later date is refused naming the field". Every method that
/// takes a business date, through the real hub on a clock at 2024-11-30 (China Standard Time): tomorrow is
/// INVALID_ARGUMENT with a <c>google.rpc.BadRequest</c> naming the field, today and yesterday are accepted. The refund
/// actions' and transfer decisions' dates are tested with their own records (Refunds/RefundDatedActionTests,
/// Transfers/TransferStatusHistoryTests and the persons' dated-action tests).
/// </summary>
[Trait("clause", "FACTS")]
public abstract class DatedMethodTests(ClockedHubFixture fixture)
{
    /// <summary>Each dated method: the field it takes, and a call with that field set to a date (person: its own).</summary>
    private static readonly Dictionary<string, (string Field, Func<TestHub, string, int, Task> Call)> Methods = new()
    {
        ["RunReconciliation"] = ("decision_date", (hub, date, _) => RunReconciliationAsync(hub, date)),
        ["DecideSkillSubsidies"] = ("decision_date", async (hub, date, _) =>
            await new SkillSubsidyService.SkillSubsidyServiceClient(hub.Channel(TestHub.OperatorToken))
                .DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = date })),
        ["DecideClaim"] = ("decision_date", async (hub, date, person) =>
        {
            var claims = new BenefitClaimService.BenefitClaimServiceClient(hub.Channel(TestHub.OperatorToken));
            var submitted = await claims.SubmitClaimAsync(Claim(person, "2024-11-01"));
            await claims.DecideClaimAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = date });
        }),
        ["SubmitClaim"] = ("applied_date", async (hub, date, person) =>
            await new BenefitClaimService.BenefitClaimServiceClient(hub.Channel(TestHub.OperatorToken)).SubmitClaimAsync(Claim(person, date))),
        ["RequestTransferOut"] = ("requested_date", async (hub, date, person) =>
            await new TransferService.TransferServiceClient(hub.Channel(TestHub.OperatorToken)).RequestTransferOutAsync(TransferOut(person, date))),
        ["UpdateTransferStatus"] = ("status_date", async (hub, date, person) =>
        {
            var transfer = (await new TransferService.TransferServiceClient(hub.Channel(TestHub.OperatorToken))
                .RequestTransferOutAsync(TransferOut(person, "2024-11-01"))).Transfer;
            using var call = new TransferService.TransferServiceClient(hub.Channel(TestHub.TransferToken)).UpdateTransferStatus();
            await call.RequestStream.WriteAsync(new UpdateTransferStatusRequest
            {
                TransferId = transfer.TransferId, Status = TransferStatus.Sent, StatusDate = date,
            });
            await call.RequestStream.CompleteAsync();
            Assert.Equal(1, (await call.ResponseAsync).Updated);
        }),
        ["RecalculateBenefits"] = ("decision_date", async (hub, date, _) =>
            await new BenefitClaimService.BenefitClaimServiceClient(hub.Channel(TestHub.OperatorToken))
                .RecalculateBenefitsAsync(new RecalculateBenefitsRequest { DecisionDate = date })),
    };

    /// <summary>Every dated method with the day after, on and before today.</summary>
    public static TheoryData<string, int> MethodsAndDays()
    {
        var data = new TheoryData<string, int>();
        foreach (var method in Methods.Keys)
        {
            foreach (var days in new[] { 1, 0, -1 })
            {
                data.Add(method, days);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MethodsAndDays))]
    public async Task DatedMethod_DateAgainstToday_TomorrowInvalidNamingTheFieldTodayAndYesterdayAccepted(string method, int daysFromToday)
    {
        var (field, call) = Methods[method];
        var date = ClockedHubFixture.Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var person = 300 + (Methods.Keys.ToList().IndexOf(method) * 3) + daysFromToday + 1;

        if (daysFromToday > 0)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => call(fixture.Hub, date, person));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            Assert.Equal(field, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
            Assert.Contains("after today (2024-11-30", ex.Status.Detail, StringComparison.Ordinal);
        }
        else
        {
            await call(fixture.Hub, date, person);
        }
    }

    [Fact]
    public async Task RunReconciliation_Tomorrow_InvalidArgumentNotFailedPrecondition()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => RunReconciliationAsync(fixture.Hub, "2024-12-01"));

        Assert.Equal((StatusCode.InvalidArgument, "decision_date"),
            (ex.StatusCode, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
    }

    private static async Task RunReconciliationAsync(TestHub hub, string date)
    {
        var client = new ReconciliationService.ReconciliationServiceClient(hub.Channel(TestHub.OperatorToken));
        using var call = client.RunReconciliation(new RunReconciliationRequest { DecisionDate = date }, deadline: DateTime.UtcNow.AddMinutes(2));
        await call.ResponseStream.ReadAllAsync().ToListAsync();
    }

    private static SubmitClaimRequest Claim(int person, string appliedDate) => new()
    {
        ResidentId = Ids.ResidentId(person), AppliedDate = appliedDate, SeparationReason = SeparationReason.ContractExpired,
        Registration = Registration.Registered, Channels = { NotificationChannel.App },
    };

    private static RequestTransferOutRequest TransferOut(int person, string requestedDate) => new()
    {
        ResidentId = Ids.ResidentId(person), CounterpartProvinceCode = "32", ConsolidationPlace = ConsolidationPlace.LastInsured,
        MonthlyBenefitFen = 200_000, MonthsDue = 6, RequestedDate = requestedDate,
    };
}

[Trait("storage", "sqlite")]
public sealed class SqliteDatedMethodTests(SqliteClockedHubFixture fixture) : DatedMethodTests(fixture), IClassFixture<SqliteClockedHubFixture>;

[Trait("storage", "postgres")]
public sealed class PostgresDatedMethodTests(PostgresClockedHubFixture fixture) : DatedMethodTests(fixture), IClassFixture<PostgresClockedHubFixture>;

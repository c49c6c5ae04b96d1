using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Transfers;

/// <summary>
/// FACTS: a transfer's status update carries the national system's status date, so its state on D never depends on
/// when the hub was told. Through the real hub on a clock at 2024-11-30: the date is required, not after today, not
/// before the transfer's request date; it is stored with the status and shown in the transfer record.
/// </summary>
[Trait("clause", "FACTS")]
[Trait("clause", "2.(4)")]
public abstract class TransferStatusDateTests(ClockedHubFixture fixture)
{
    private TestHub Hub => fixture.Hub;

    private TransferService.TransferServiceClient Operator => new(Hub.Channel(TestHub.OperatorToken));

    /// <summary>Request date 2024-11-20: the day before it is refused, the day itself and after are stored.</summary>
    [Theory]
    [InlineData("sd-before", 401, "2024-11-19", false)]
    [InlineData("sd-on", 402, "2024-11-20", true)]
    [InlineData("sd-after", 403, "2024-11-21", true)]
    public async Task UpdateTransferStatus_StatusDateAgainstTheRequestDate_BeforeRefusedNamingTheFieldOnAndAfterStored(string id, int person,
        string statusDate, bool stored)
    {
        await AcceptedAsync(id, person, requested: "2024-11-20");

        var update = new UpdateTransferStatusRequest { TransferId = id, Status = TransferStatus.Sent, StatusDate = statusDate };
        if (stored)
        {
            Assert.Equal(1, (await StreamAsync(update)).Updated);
            Assert.Equal((TransferStatus.Sent, statusDate), await StatusAsync(id));
        }
        else
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => StreamAsync(update));
            Assert.Equal((StatusCode.InvalidArgument, "status_date"), (ex.StatusCode, FieldOf(ex)));
            Assert.Equal((TransferStatus.Accepted, "2024-11-30"), await StatusAsync(id));
        }
    }

    [Theory]
    [InlineData("sd-missing", 404, "")]
    [InlineData("sd-tomorrow", 405, "2024-12-01")]
    [InlineData("sd-format", 406, "2024-11-31")]
    public async Task UpdateTransferStatus_StatusDateMissingFutureOrMalformed_InvalidArgumentNothingChanged(string id, int person, string statusDate)
    {
        await AcceptedAsync(id, person, requested: "2024-11-20");

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            StreamAsync(new UpdateTransferStatusRequest { TransferId = id, Status = TransferStatus.Completed, StatusDate = statusDate }));

        Assert.Equal((StatusCode.InvalidArgument, "status_date"), (ex.StatusCode, FieldOf(ex)));
        Assert.Equal((TransferStatus.Accepted, "2024-11-30"), await StatusAsync(id));
    }

    /// <summary>
    /// Completed on 2024-11-10 in the national system, told on 2024-11-30: the case is COMPLETED from 2024-11-10, in the
    /// transfer record, the person's file and the stored row, whatever day the hub heard of it.
    /// </summary>
    [Fact]
    public async Task UpdateTransferStatus_ToldLate_StoredWithTheNationalSystemsDates()
    {
        await AcceptedAsync("sd-late", 407, requested: "2024-11-01");

        var response = await StreamAsync(
            new UpdateTransferStatusRequest { TransferId = "sd-late", Status = TransferStatus.Sent, StatusDate = "2024-11-04" },
            new UpdateTransferStatusRequest { TransferId = "sd-late", Status = TransferStatus.Completed, StatusDate = "2024-11-10" });

        Assert.Equal(2, response.Updated);
        Assert.Equal((TransferStatus.Completed, "2024-11-10"), await StatusAsync("sd-late"));
        var file = await new PersonService.PersonServiceClient(Hub.Channel(TestHub.OperatorToken))
            .GetPersonRecordAsync(new GetPersonRecordRequest { ResidentId = Ids.ResidentId(407) });
        Assert.Equal("2024-11-10", Assert.Single(file.Transfers).StatusDate);
        Assert.Equal(1, await Hub.Database.ScalarAsync(
            "SELECT COUNT(*) FROM transfer_cases WHERE transfer_id = 'sd-late' AND status = 'COMPLETED' AND status_date = '2024-11-10'"));
    }

    /// <summary>The hub's own statuses are dated too: a transfer-out REQUESTED from its request date, a decision the day it was taken.</summary>
    [Fact]
    public async Task TransferRecord_HubsOwnStatuses_DatedFromTheRequestOrTheDecisionDay()
    {
        var requested = (await Operator.RequestTransferOutAsync(new RequestTransferOutRequest
        {
            ResidentId = Ids.ResidentId(408), CounterpartProvinceCode = "32", ConsolidationPlace = ConsolidationPlace.LastInsured,
            MonthlyBenefitFen = 200_000, MonthsDue = 6, RequestedDate = "2024-11-25",
        })).Transfer;
        await PushRequestAsync("sd-refused", 409, "2024-11-20");
        var refused = (await Operator.RefuseTransferAsync(new RefuseTransferRequest
        {
            TransferId = "sd-refused", ReasonCode = TransferReasonCode.TransferPersonUnknown,
        })).Transfer;

        Assert.Equal(((TransferStatus.Requested, "2024-11-25"), (TransferStatus.Refused, "2024-11-30")),
            ((requested.Status, requested.StatusDate), (refused.Status, refused.StatusDate)));
    }

    /// <summary>
    /// 2.(1) dated actions: an acceptance or refusal carries its business date — request date 2024-11-20: the day before is
    /// refused naming decision_date, the day itself and after are stored as the case's status date and carried by the
    /// event; a date after today (2024-11-30) is refused naming the field; nothing is stored when refused.
    /// </summary>
    [Theory]
    [Trait("clause", "2.(1)")]
    [InlineData("dd-acc-before", 410, true, "2024-11-19", false)]
    [InlineData("dd-acc-on", 411, true, "2024-11-20", true)]
    [InlineData("dd-acc-after", 412, true, "2024-11-21", true)]
    [InlineData("dd-acc-future", 413, true, "2024-12-01", false)]
    [InlineData("dd-ref-before", 414, false, "2024-11-19", false)]
    [InlineData("dd-ref-on", 415, false, "2024-11-20", true)]
    [InlineData("dd-ref-after", 416, false, "2024-11-21", true)]
    [InlineData("dd-ref-future", 417, false, "2024-12-01", false)]
    public async Task AcceptOrRefuseTransfer_DecisionDateAgainstTheRequestDateAndToday_StoredAndCarriedOrRefusedNamingTheField(string id, int person,
        bool accept, string decisionDate, bool stored)
    {
        await PushRequestAsync(id, person, "2024-11-20");

        async Task<TransferRecord> Act() => accept
            ? (await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = id, DecisionDate = decisionDate })).Transfer
            : (await Operator.RefuseTransferAsync(new RefuseTransferRequest
            {
                TransferId = id, ReasonCode = TransferReasonCode.TransferPersonUnknown, DecisionDate = decisionDate,
            })).Transfer;
        if (stored)
        {
            var transfer = await Act();
            var status = accept ? TransferStatus.Accepted : TransferStatus.Refused;
            Assert.Equal((status, decisionDate), (transfer.Status, transfer.StatusDate));
            Assert.Equal((status, decisionDate), await StatusAsync(id));
            var e = Assert.Single(await HubQueries.EventsAsync(Hub), x => x.Type == (accept ? "TransferAccepted" : "TransferRefused")
                && x.Payload.GetProperty("transferId").GetString() == id);
            Assert.Equal(decisionDate, e.Payload.GetProperty("decisionDate").GetString());
            Assert.Equal(1, await Hub.Database.ScalarAsync(
                $"SELECT COUNT(*) FROM transfer_case_statuses WHERE transfer_id = '{id}' AND status_date = '{decisionDate}'"));
        }
        else
        {
            var ex = await Assert.ThrowsAsync<RpcException>(Act);
            Assert.Equal((StatusCode.InvalidArgument, "decision_date"), (ex.StatusCode, FieldOf(ex)));
            Assert.Equal(0, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM transfer_cases WHERE transfer_id = '{id}'"));
        }
    }

    private async Task AcceptedAsync(string id, int person, string requested)
    {
        await PushRequestAsync(id, person, requested);
        var accepted = (await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = id })).Transfer;
        Assert.Equal("2024-11-30", accepted.StatusDate);
    }

    private async Task PushRequestAsync(string id, int person, string requested)
    {
        var request = Records.Transfer(id, person);
        request.RequestedDate = requested;
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(Hub.Channel(TestHub.TransferToken), [request])).Rejected);
    }

    private async Task<(TransferStatus, string)> StatusAsync(string id)
    {
        var transfer = (await Operator.GetTransferAsync(new GetTransferRequest { TransferId = id })).Transfer;
        return (transfer.Status, transfer.StatusDate);
    }

    private async Task<UpdateTransferStatusResponse> StreamAsync(params UpdateTransferStatusRequest[] updates)
    {
        using var call = new TransferService.TransferServiceClient(Hub.Channel(TestHub.TransferToken)).UpdateTransferStatus();
        foreach (var update in updates)
        {
            await call.RequestStream.WriteAsync(update);
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private static string FieldOf(RpcException ex) => Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field;
}

[Trait("storage", "sqlite")]
public sealed class SqliteTransferStatusDateTests(SqliteClockedHubFixture fixture) : TransferStatusDateTests(fixture), IClassFixture<SqliteClockedHubFixture>;

[Trait("storage", "postgres")]
public sealed class PostgresTransferStatusDateTests(PostgresClockedHubFixture fixture) : TransferStatusDateTests(fixture),
    IClassFixture<PostgresClockedHubFixture>;

using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Transfers;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Transfers;

/// <summary>
/// The transfer workflow (2.(4) TRANSFER) through the real hub: incoming requests accepted or refused with a concrete
/// reason code, statuses streamed by the national system, transfer-outs with their fund amount, and a completed
/// transfer-in recalculating a running benefit (clock at 2024-11-30). Persons are named only by key.
/// </summary>
[Trait("clause", "2.(4)")]
public abstract class TransferWorkflowTests(StorageProvider provider) : IAsyncLifetime
{
    /// <summary>Every resident id these tests use (persons 0 to 59).</summary>
    private static readonly string[] ResidentIds = Enumerable.Range(0, 60).Select(Ids.ResidentId).ToArray();

    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub Hub { get; set; } = null!;

    private TransferService.TransferServiceClient Operator => new(Hub.Channel(TestHub.OperatorToken));
    private TransferService.TransferServiceClient NationalSystem => new(Hub.Channel(TestHub.TransferToken));

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
        ["Hub:Transfers:SendDeadlineNotices"] = "false",
        // 2024 deadlines: counted on a test file that covers Xinjiang 2024 (TestPolicies); the real file leaves them undetermined.
        ["Hub:Policy:Path"] = TestPolicies.XinjiangCovering2024,
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    [Fact]
    public async Task AcceptTransfer_IncomingRequest_AcceptedWithEventNamingThePersonByKey()
    {
        await PushRequestAsync("tr-40", person: 40);

        var accepted = (await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "tr-40" })).Transfer;

        Assert.Equal((TransferStatus.Accepted, TransferDirection.In, KeyOf(40), "32"), (accepted.Status, accepted.Direction, accepted.PersonKey,
            accepted.CounterpartProvinceCode));
        var e = Assert.Single(await EventsAsync(), x => x.Type == "TransferAccepted");
        Assert.Equal(("tr-40", KeyOf(40), "IN"), (e.Payload.GetProperty("transferId").GetString(), e.Subject, e.Payload.GetProperty("direction").GetString()));
        // Issue 12: the same decision repeated answers with the case as it stands, one event; the opposite decision is refused.
        var again = (await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "tr-40" })).Transfer;
        Assert.Equal(accepted, again);
        Assert.Single(await EventsAsync(), x => x.Type == "TransferAccepted");
        var refuse = await Assert.ThrowsAsync<RpcException>(async () => await Operator.RefuseTransferAsync(new RefuseTransferRequest
        {
            TransferId = "tr-40", ReasonCode = TransferReasonCode.TransferPeriodsOverlapUnresolved,
        }));
        Assert.Equal(StatusCode.FailedPrecondition, refuse.StatusCode);
    }

    [Fact]
    public async Task RefuseTransfer_WithAConcreteReason_RefusedNamingTheCode()
    {
        await PushRequestAsync("tr-41", person: 41);

        var refused = (await Operator.RefuseTransferAsync(new RefuseTransferRequest
        {
            TransferId = "tr-41", ReasonCode = TransferReasonCode.TransferPeriodsOverlapUnresolved,
        })).Transfer;

        Assert.Equal((TransferStatus.Refused, TransferReasonCode.TransferPeriodsOverlapUnresolved), (refused.Status, refused.ReasonCode));
        var e = Assert.Single(await EventsAsync(), x => x.Type == "TransferRefused");
        Assert.Equal(("TRANSFER_PERIODS_OVERLAP_UNRESOLVED", KeyOf(41)), (e.Payload.GetProperty("reasonCode").GetString(), e.Subject));
        var read = (await Operator.GetTransferAsync(new GetTransferRequest { TransferId = "tr-41" })).Transfer;
        Assert.Equal((TransferStatus.Refused, TransferReasonCode.TransferPeriodsOverlapUnresolved), (read.Status, read.ReasonCode));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public async Task RefuseTransfer_UnspecifiedOrUnknownCode_InvalidArgumentNothingStored(int code)
    {
        await PushRequestAsync("tr-42", person: 42);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Operator.RefuseTransferAsync(new RefuseTransferRequest
        {
            TransferId = "tr-42", ReasonCode = (TransferReasonCode)code,
        }));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("reason_code", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await Operator.GetTransferAsync(new GetTransferRequest { TransferId = "tr-42" }));
        Assert.Equal((StatusCode.NotFound, "TRANSFER_NOT_FOUND"), ErrorDetails.Of(missing));
        Assert.DoesNotContain(await EventsAsync(), x => x.Type.StartsWith("Transfer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcceptTransfer_NoSuchRequest_NotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "tr-none" }));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task UpdateTransferStatus_Streamed_EachChangeOnceRepeatsUnchangedBackwardsRefused()
    {
        await PushRequestAsync("tr-43", person: 43);
        await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "tr-43" });

        var response = await StreamAsync(
            new UpdateTransferStatusRequest { TransferId = "tr-43", Status = TransferStatus.Sent },
            new UpdateTransferStatusRequest { TransferId = "tr-43", Status = TransferStatus.Received },
            new UpdateTransferStatusRequest { TransferId = "tr-43", Status = TransferStatus.Received });

        Assert.Equal((2, 1), (response.Updated, response.Unchanged));
        Assert.Equal([("ACCEPTED", "SENT"), ("SENT", "RECEIVED")], (await EventsAsync()).Where(x => x.Type == "TransferStatusChanged")
            .Select(x => (x.Payload.GetProperty("oldStatus").GetString(), x.Payload.GetProperty("newStatus").GetString())).ToList());
        var backwards = await Assert.ThrowsAsync<RpcException>(async () =>
            await StreamAsync(new UpdateTransferStatusRequest { TransferId = "tr-43", Status = TransferStatus.Sent }));
        Assert.Equal((StatusCode.FailedPrecondition, "TRANSFER_TRANSITION_NOT_ALLOWED"), ErrorDetails.Of(backwards));
        Assert.Equal(("RECEIVED", "SENT"), (ErrorDetails.Info(backwards).Metadata["state"], ErrorDetails.Info(backwards).Metadata["requested_state"]));
        Assert.Equal(TransferStatus.Received, (await Operator.GetTransferAsync(new GetTransferRequest { TransferId = "tr-43" })).Transfer.Status);
    }

    [Fact]
    public async Task UpdateTransferStatus_RefusedWithoutOrWithUnknownReason_InvalidArgument()
    {
        var outgoing = (await Operator.RequestTransferOutAsync(OutRequest(person: 44))).Transfer;

        var none = await Assert.ThrowsAsync<RpcException>(async () =>
            await StreamAsync(new UpdateTransferStatusRequest { TransferId = outgoing.TransferId, Status = TransferStatus.Refused }));
        var refused = await StreamAsync(new UpdateTransferStatusRequest
        {
            TransferId = outgoing.TransferId, Status = TransferStatus.Refused, ReasonCode = TransferReasonCode.TransferPersonUnknown,
        });

        Assert.Equal(StatusCode.InvalidArgument, none.StatusCode);
        Assert.Equal(1, refused.Updated);
        var e = Assert.Single(await EventsAsync(), x => x.Type == "TransferStatusChanged");
        Assert.Equal(("REQUESTED", "REFUSED", "TRANSFER_PERSON_UNKNOWN"), (e.Payload.GetProperty("oldStatus").GetString(),
            e.Payload.GetProperty("newStatus").GetString(), e.Payload.GetProperty("reasonCode").GetString()));
    }

    [Fact]
    public async Task UpdateTransferStatus_OperatorRole_PermissionDenied()
    {
        using var call = Operator.UpdateTransferStatus();
        await call.RequestStream.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Theory]
    [InlineData(45, 11, 0L)]
    [InlineData(46, 12, 1_800_000L)]
    [InlineData(47, 30, 1_800_000L)]
    public async Task RequestTransferOut_FundAmountOnlyFromTwelveMonthsPaidHere(int person, int monthsPaid, long fund)
    {
        await InsureAsync(person, monthsPaid, new DateOnly(2022, 1, 1));

        // 1.5 × 200,000 fen × 6 months due = 1,800,000 fen when at least 12 months were paid here.
        var transfer = (await Operator.RequestTransferOutAsync(OutRequest(person))).Transfer;

        Assert.Equal((TransferDirection.Out, TransferStatus.Requested, monthsPaid, fund), (transfer.Direction, transfer.Status, transfer.MonthsPaidHere,
            transfer.FundAmountFen));
        var e = Assert.Single(await EventsAsync(), x => x.Type == "TransferOutRequested");
        Assert.Equal((fund, monthsPaid, 200_000L, 6, "LAST_INSURED", KeyOf(person)), (e.Payload.GetProperty("fundAmountFen").GetInt64(),
            e.Payload.GetProperty("monthsPaidHere").GetInt32(), e.Payload.GetProperty("monthlyBenefitFen").GetInt64(),
            e.Payload.GetProperty("monthsDue").GetInt32(), e.Payload.GetProperty("consolidationPlace").GetString(), e.Subject));
    }

    [Fact]
    public async Task SendDeadlineNotices_TransferOutsNotActedOn_ExactlyOneEventEachAcrossNationalDay()
    {
        // Requested Friday 2024-09-27. Working days after it (2024 national calendar): Sun 09-29 make-up day = 1, Mon 09-30 = 2,
        // 10-01..10-07 holiday, Tue 10-08 = 3, 10-09 = 4, Thu 10-10 = 5: due 2024-10-10.
        var missed = (await Operator.RequestTransferOutAsync(OutRequest(person: 50, requested: "2024-09-27"))).Transfer;
        // Friday 2024-11-22: Mon 11-25 = 1 … Fri 11-29 = 5: due 2024-11-29, missed on 11-30.
        var missedYesterday = (await Operator.RequestTransferOutAsync(OutRequest(person: 51, requested: "2024-11-22"))).Transfer;
        // Monday 2024-11-25: due Monday 2024-12-02 (the weekend does not count): in time.
        var inTime = (await Operator.RequestTransferOutAsync(OutRequest(person: 52, requested: "2024-11-25"))).Transfer;
        var sent = (await Operator.RequestTransferOutAsync(OutRequest(person: 53, requested: "2024-09-27"))).Transfer;
        await StreamAsync(new UpdateTransferStatusRequest { TransferId = sent.TransferId, Status = TransferStatus.Sent });
        Assert.Equal(("2024-10-10", "2024-11-29", "2024-12-02"), (missed.DueDate, missedYesterday.DueDate, inTime.DueDate));
        var workflow = Hub.Services.GetRequiredService<TransferWorkflow>();

        var first = await workflow.SendDeadlineNoticesAsync(CancellationToken.None);
        var second = await workflow.SendDeadlineNoticesAsync(CancellationToken.None);

        Assert.Equal((2, 0), (first, second));
        var events = (await EventsAsync()).Where(x => x.Type == "TransferDeadlineMissed").ToList();
        Assert.Equal([(missed.TransferId, KeyOf(50), "2024-09-27", "2024-10-10", "2024-11-30"), (missedYesterday.TransferId, KeyOf(51), "2024-11-22",
            "2024-11-29", "2024-11-30")], events.Select(e => (e.Payload.GetProperty("transferId").GetString(), e.Subject,
            e.Payload.GetProperty("requestedOn").GetString(), e.Payload.GetProperty("dueOn").GetString(), e.Payload.GetProperty("asOf").GetString())).ToList());
        Assert.True((await Operator.GetTransferAsync(new GetTransferRequest { TransferId = missed.TransferId })).Transfer.DeadlineMissed);
        Assert.False((await Operator.GetTransferAsync(new GetTransferRequest { TransferId = inTime.TransferId })).Transfer.DeadlineMissed);
    }

    [Fact]
    public async Task SendDeadlineNotices_IncomingRequestsNeitherAcceptedNorRefused_ExactlyOneEventEach()
    {
        // Friday 2024-11-22 → due Friday 2024-11-29: missed on 11-30. Monday 2024-11-25 → due 2024-12-02: in time.
        await PushRequestAsync("late-in", person: 55, requested: "2024-11-22");
        await PushRequestAsync("fresh-in", person: 56, requested: "2024-11-25");
        await PushRequestAsync("done-in", person: 57, requested: "2024-09-27");
        await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "done-in" });
        var workflow = Hub.Services.GetRequiredService<TransferWorkflow>();

        var first = await workflow.SendDeadlineNoticesAsync(CancellationToken.None);
        var second = await workflow.SendDeadlineNoticesAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first, second));
        var e = Assert.Single(await EventsAsync(), x => x.Type == "TransferDeadlineMissed");
        Assert.Equal(("late-in", "IN", KeyOf(55), "2024-11-22", "2024-11-29"), (e.Payload.GetProperty("transferId").GetString(),
            e.Payload.GetProperty("direction").GetString(), e.Subject, e.Payload.GetProperty("requestedOn").GetString(),
            e.Payload.GetProperty("dueOn").GetString()));
        // Late, but still decidable.
        var accepted = (await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "late-in" })).Transfer;
        Assert.Equal(TransferStatus.Accepted, accepted.Status);
    }

    [Fact]
    public async Task WatchTransferUpdates_HubsOwnChanges_InOrderWithResidentIdAndResumableFromACursor()
    {
        await PushRequestAsync("w-in-1", person: 58);
        await PushRequestAsync("w-in-2", person: 59);
        await InsureAsync(person: 45, months: 24, first: new DateOnly(2022, 1, 1));
        await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "w-in-1" });
        await Operator.RefuseTransferAsync(new RefuseTransferRequest { TransferId = "w-in-2", ReasonCode = TransferReasonCode.TransferPeriodsIncomplete });
        var outgoing = (await Operator.RequestTransferOutAsync(OutRequest(person: 45, requested: "2024-11-25"))).Transfer;
        // The national system's own status change is not echoed back.
        await StreamAsync(new UpdateTransferStatusRequest { TransferId = "w-in-1", Status = TransferStatus.Received });

        var all = await WatchAsync(0);
        var resumed = await WatchAsync(all[0].Cursor);

        Assert.Equal([("w-in-1", TransferStatus.Accepted, TransferReasonCode.Unspecified, Ids.ResidentId(58)),
            ("w-in-2", TransferStatus.Refused, TransferReasonCode.TransferPeriodsIncomplete, Ids.ResidentId(59)),
            (outgoing.TransferId, TransferStatus.Requested, TransferReasonCode.Unspecified, Ids.ResidentId(45))],
            all.Select(u => (u.TransferId, u.Status, u.ReasonCode, u.ResidentId)).ToList());
        Assert.Equal((TransferDirection.Out, 24, outgoing.FundAmountFen, "2024-11-25"), (all[2].Direction, all[2].MonthsPaidHere, all[2].FundAmountFen,
            all[2].RequestedDate));
        Assert.True(all[0].Cursor < all[1].Cursor && all[1].Cursor < all[2].Cursor);
        Assert.Equal(all.Skip(1).ToList(), resumed);
        Assert.Empty(await WatchAsync(all[2].Cursor));
    }

    [Fact]
    public async Task WatchTransferUpdates_Follow_SendsAChangeMadeWhileWatching()
    {
        await PushRequestAsync("follow-in", person: 46);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = new TransferService.TransferServiceClient(Hub.Channel(TestHub.TransferToken))
            .WatchTransferUpdates(new WatchTransferUpdatesRequest { Follow = true }, cancellationToken: cts.Token);

        await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "follow-in" });

        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(("follow-in", TransferStatus.Accepted), (call.ResponseStream.Current.TransferId, call.ResponseStream.Current.Status));
    }

    [Fact]
    public async Task WatchTransferUpdates_OperatorOrNegativeCursor_Refused()
    {
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await WatchAsync(0, TestHub.OperatorToken));
        var negative = await Assert.ThrowsAsync<RpcException>(async () => await WatchAsync(-1));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.InvalidArgument), (denied.StatusCode, negative.StatusCode));
        Assert.Equal("after_cursor", Assert.Single(negative.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task RequestTransferOut_FromTheNationalSystemsOutRequest_PersonPlaceAndDateFromTheFeed()
    {
        await InsureAsync(54, 24, new DateOnly(2022, 1, 1));
        var request = Records.Transfer("out-54", person: 54);
        request.Direction = TransferDirection.Out;
        request.ConsolidationPlace = ConsolidationPlace.HouseholdRegistration;
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(Hub.Channel(TestHub.TransferToken), [request])).Rejected);

        var transfer = (await Operator.RequestTransferOutAsync(new RequestTransferOutRequest
        {
            TransferId = "out-54", MonthlyBenefitFen = 200_000, MonthsDue = 4,
        })).Transfer;

        // Requested Friday 2024-03-01: due Friday 2024-03-08; 1.5 × 200,000 × 4 = 1,200,000 fen.
        Assert.Equal(("out-54", KeyOf(54), "32", "2024-03-01", "2024-03-08", 24, 1_200_000L), (transfer.TransferId, transfer.PersonKey,
            transfer.CounterpartProvinceCode, transfer.RequestedDate, transfer.DueDate, transfer.MonthsPaidHere, transfer.FundAmountFen));
        var e = Assert.Single(await EventsAsync(), x => x.Type == "TransferOutRequested");
        Assert.Equal(("out-54", "HOUSEHOLD_REGISTRATION"), (e.Payload.GetProperty("transferId").GetString(),
            e.Payload.GetProperty("consolidationPlace").GetString()));
        var again = await Assert.ThrowsAsync<RpcException>(async () => await Operator.RequestTransferOutAsync(new RequestTransferOutRequest
        {
            TransferId = "out-54", MonthlyBenefitFen = 200_000, MonthsDue = 4,
        }));
        var both = await Assert.ThrowsAsync<RpcException>(async () => await Operator.RequestTransferOutAsync(new RequestTransferOutRequest
        {
            TransferId = "out-54", ResidentId = Ids.ResidentId(54), MonthlyBenefitFen = 200_000, MonthsDue = 4,
        }));
        var incoming = await Assert.ThrowsAsync<RpcException>(async () => await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "out-54" }));
        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.InvalidArgument, StatusCode.FailedPrecondition), (again.StatusCode, both.StatusCode,
            incoming.StatusCode));
    }

    [Fact]
    public async Task RequestTransferOut_OwnProvinceAsCounterpart_InvalidArgument()
    {
        var request = OutRequest(person: 48);
        request.CounterpartProvinceCode = "66";

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Operator.RequestTransferOutAsync(request));

        Assert.Equal("counterpart_province_code", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task UpdateTransferStatus_TransferInCompleted_ThatPersonsRunningBenefitRecalculatedTwelveToEighteen()
    {
        // 50 months in the XPCC (2019-01..2023-02) → 12 months of benefit; 15 transferred months (2017-01..2018-03) → 65 → 18.
        await InsureAsync(person: 49, months: 50, first: new DateOnly(2019, 1, 1));
        var claims = new BenefitClaimService.BenefitClaimServiceClient(Hub.Channel(TestHub.OperatorToken));
        var submitted = await claims.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(49), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.App },
        });
        var early = await Assert.ThrowsAsync<RpcException>(async () =>
            await claims.DecideClaimAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-03" }));
        Assert.Equal((StatusCode.InvalidArgument, "decision_date"), (early.StatusCode,
            Assert.Single(early.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field)); // the day before the application
        var granted = await claims.DecideClaimAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" });
        Assert.Equal(12, granted.Claim.Decisions[0].MaxMonths);
        // Another person's running benefit whose facts changed since: recalculated by RecalculateBenefits, not by this transfer.
        await InsureAsync(person: 50, months: 50, first: new DateOnly(2019, 1, 1));
        var other = await claims.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(50), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.App },
        });
        await claims.DecideClaimAsync(new DecideClaimRequest { ClaimId = other.ClaimId, DecisionDate = "2024-11-05" });
        await InsureAsync(person: 50, months: 15, first: new DateOnly(2017, 1, 1));
        var request = Records.Transfer("tr-49", person: 49);
        request.InsuredPeriods.Clear();
        request.InsuredPeriods.Add(new MonthRange { FromPeriod = "2017-01", ToPeriod = "2018-03" });
        request.InsuredPeriods.Add(new MonthRange { FromPeriod = "2019-01", ToPeriod = "2019-06" }); // also insured here: counted once
        request.BenefitMonthsPaid = 0; // months paid elsewhere would be deducted (1.(4) Decision): not this test's subject
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(Hub.Channel(TestHub.TransferToken), [request])).Rejected);
        await Operator.AcceptTransferAsync(new AcceptTransferRequest { TransferId = "tr-49" });

        var response = await StreamAsync(
            new UpdateTransferStatusRequest { TransferId = "tr-49", Status = TransferStatus.Received },
            new UpdateTransferStatusRequest { TransferId = "tr-49", Status = TransferStatus.Completed });

        Assert.Equal(2, response.Updated);
        var claim = (await claims.GetClaimAsync(new GetClaimRequest { ClaimId = submitted.ClaimId })).Claims[0];
        Assert.Equal((18, 65, BenefitDecisionReason.Recalculated), (claim.Decisions[0].MaxMonths, claim.Decisions[0].ConsolidatedInsuredMonths, claim.Decisions[0].Reason));
        var events = await EventsAsync();
        var changed = Assert.Single(events, e => e.Type == "BenefitPeriodRecalculated");
        Assert.Equal((12, 18, KeyOf(49)), (changed.Payload.GetProperty("oldMaxMonths").GetInt32(), changed.Payload.GetProperty("newMaxMonths").GetInt32(),
            changed.Subject));
        Assert.Single(events, e => e.Type == "TransferStatusChanged" && e.Payload.GetProperty("newStatus").GetString() == "COMPLETED");
        var untouched = (await claims.GetClaimAsync(new GetClaimRequest { ClaimId = other.ClaimId })).Claims[0];
        Assert.Equal((12, 1), (untouched.Decisions[0].MaxMonths, untouched.Decisions.Count));
    }

    [Fact]
    [Trait("clause", "FACTS")]
    public async Task RequestTransferOut_LinesReceivedAfterTheRequestDate_NotPaidHereAndFactsStoredWithThePolicyStamp()
    {
        await InsureAsync(person: 39, months: 12, new DateOnly(2022, 1, 1));
        var late = Records.Line("tline-39-late", unit: 1, person: 39, period: "2023-01");
        late.ReceivedDate = "2024-11-26";
        var cancelled = Records.Line("tline-39-zero", unit: 1, person: 39, period: "2023-02", revision: 2);
        cancelled.EmployerAmountFen = 0;
        cancelled.EmployeeAmountFen = 0;
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken),
            [late, Records.Line("tline-39-zero", unit: 1, person: 39, period: "2023-02")], [cancelled])).Rejected);

        // FACTS: as of the request date 2024-11-25 the line received on 2024-11-26 is not there yet; a 0/0 line is cancelled.
        var transfer = (await Operator.RequestTransferOutAsync(OutRequest(person: 39, requested: "2024-11-25"))).Transfer;

        Assert.Equal(12, transfer.MonthsPaidHere);
        Assert.Equal(1, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM transfer_cases WHERE transfer_id = '{transfer.TransferId}' "
            + "AND status_date = '2024-11-25' AND policy_version LIKE '%+sha256:%' AND facts_json LIKE '%\"MonthsPaidHere\":[\"2022-01\"%' "
            + "AND facts_json NOT LIKE '%2023-0%'"));
    }

    private async Task PushRequestAsync(string id, int person, string? requested = null)
    {
        var request = Records.Transfer(id, person);
        request.RequestedDate = requested ?? request.RequestedDate;
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(Hub.Channel(TestHub.TransferToken), [request])).Rejected);
    }

    private async Task<List<WatchTransferUpdatesResponse>> WatchAsync(long after, string token = TestHub.TransferToken)
    {
        using var call = new TransferService.TransferServiceClient(Hub.Channel(token))
            .WatchTransferUpdates(new WatchTransferUpdatesRequest { AfterCursor = after }, deadline: DateTime.UtcNow.AddMinutes(1));
        return await call.ResponseStream.ReadAllAsync().ToListAsync();
    }

    private async Task<UpdateTransferStatusResponse> StreamAsync(params UpdateTransferStatusRequest[] updates)
    {
        using var call = NationalSystem.UpdateTransferStatus();
        foreach (var update in updates)
        {
            // status_date is required (FACTS); these tests' updates took effect today, on the clock's 2024-11-30.
            update.StatusDate = update.StatusDate.Length > 0 ? update.StatusDate : "2024-11-30";
            await call.RequestStream.WriteAsync(update);
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private static RequestTransferOutRequest OutRequest(int person, string requested = "") => new()
    {
        ResidentId = Ids.ResidentId(person), CounterpartProvinceCode = "32", ConsolidationPlace = ConsolidationPlace.LastInsured,
        MonthlyBenefitFen = 200_000, MonthsDue = 6, RequestedDate = requested,
    };

    /// <summary><paramref name="months"/> REGULAR lines of unit 1 for the person, monthly from <paramref name="first"/>.</summary>
    private async Task InsureAsync(int person, int months, DateOnly first)
    {
        var lines = Enumerable.Range(0, months)
            .Select(i => Records.Line($"tline-{person}-{first.AddMonths(i):yyyyMM}", unit: 1, person: person, period: $"{first.AddMonths(i):yyyy-MM}"))
            .ToList();
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), lines)).Rejected);
    }

    /// <summary>The events in the outbox; none may carry a resident id (persons appear only as keys).</summary>
    private async Task<List<HubQueries.OutboxEvent>> EventsAsync()
    {
        var events = await HubQueries.EventsAsync(Hub);
        foreach (var e in events)
        {
            var text = e.Payload.GetRawText() + " " + e.Subject;
            Assert.DoesNotContain(ResidentIds, id => text.Contains(id, StringComparison.Ordinal));
        }
        return events;
    }

    private string KeyOf(int person) => Hub.Services.GetRequiredService<PersonKey>().Of(Ids.ResidentId(person));
}

[Trait("storage", "sqlite")]
public sealed class SqliteTransferWorkflowTests() : TransferWorkflowTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresTransferWorkflowTests() : TransferWorkflowTests(StorageProvider.Postgres);

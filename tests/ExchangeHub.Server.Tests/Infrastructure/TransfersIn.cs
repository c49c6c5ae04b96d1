using System.Globalization;
using ExchangeHub.Policy;
using ExchangeHub.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>How far a transfer in got: only a COMPLETED one adds its months (1.(3), 1.(4) Decisions).</summary>
public enum TransferInState
{
    /// <summary>Requested by the national system, neither accepted nor refused.</summary>
    Requested,
    Refused,
    /// <summary>Accepted and sent, not completed: still pending.</summary>
    Sent,
    Completed,
}

/// <summary>Transfers in through the real hub: the feed's request, the operator's decision and the national system's statuses.</summary>
public static class TransfersIn
{
    /// <summary>Stores <paramref name="request"/> through the transfer feed and takes it to <paramref name="state"/>.</summary>
    public static async Task PushAsync(TestHub hub, TransferRequestRecord request, TransferInState state)
    {
        Assert.Equal(0, (await Feeds.PushTransfersAsync(hub.Channel(TestHub.TransferToken), [request])).Rejected);
        var operatorClient = new TransferService.TransferServiceClient(hub.Channel(TestHub.OperatorToken));
        if (state == TransferInState.Refused)
        {
            await operatorClient.RefuseTransferAsync(new RefuseTransferRequest
            {
                TransferId = request.SourceRecordId, ReasonCode = TransferReasonCode.TransferPeriodsIncomplete,
            });
            return;
        }
        if (state == TransferInState.Requested)
        {
            return;
        }
        await operatorClient.AcceptTransferAsync(new AcceptTransferRequest { TransferId = request.SourceRecordId });
        await UpdateAsync(hub, request.SourceRecordId, state == TransferInState.Completed ? TransferStatus.Completed : TransferStatus.Sent);
    }

    /// <summary>The national system reports <paramref name="status"/> for the transfer, true from today on the hub's clock.</summary>
    public static async Task UpdateAsync(TestHub hub, string transferId, TransferStatus status)
    {
        using var call = new TransferService.TransferServiceClient(hub.Channel(TestHub.TransferToken)).UpdateTransferStatus(deadline: Feeds.Deadline());
        await call.RequestStream.WriteAsync(new UpdateTransferStatusRequest
        {
            TransferId = transferId, Status = status,
            StatusDate = hub.Services.GetRequiredService<TimeProvider>().ChinaToday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await call.RequestStream.CompleteAsync();
        Assert.Equal(1, (await call.ResponseAsync).Updated);
    }
}

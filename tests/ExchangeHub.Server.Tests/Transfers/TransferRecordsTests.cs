using ExchangeHub.Server.Transfers;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Transfers;

/// <summary>The mapping of stored transfers onto the contract, for every status and direction, without a database.</summary>
public sealed class TransferRecordsTests
{
    [Fact]
    public void ToContract_EveryStatusAndDirection_TheContractsValueOfTheSameName()
    {
        foreach (var direction in Enum.GetValues<TransferCaseDirection>())
        {
            foreach (var status in Enum.GetValues<TransferCaseStatus>())
            {
                var record = TransferRecords.ToContract(Case(direction, status) with { DueOn = new DateOnly(2024, 12, 2) });

                Assert.Equal(("TRANSFER_DIRECTION_" + TransferCodes.Name(direction), "TRANSFER_STATUS_" + TransferCodes.Name(status)),
                    (Proto(record.Direction), Proto(record.Status)));
                Assert.Equal(("2024-11-25", "2024-12-02", "2024-11-27"), (record.RequestedDate, record.DueDate, record.StatusDate));
            }
        }
    }

    [Fact]
    public void ToContract_NoDueDateRefusedWithAReason_EmptyDueDateAndTheReasonCode()
    {
        var record = TransferRecords.ToContract(Case(TransferCaseDirection.In, TransferCaseStatus.Refused) with
        {
            ReasonCode = TransferReasonCodes.PeriodsIncomplete, DeadlineNotified = true,
        });

        Assert.Equal(("", TransferReasonCode.TransferPeriodsIncomplete, true), (record.DueDate, record.ReasonCode, record.DeadlineMissed));
    }

    [Fact]
    public void ToUpdate_HubStatusCursorAndResidentId()
    {
        var completed = Case(TransferCaseDirection.In, TransferCaseStatus.Completed);

        var update = TransferRecords.ToUpdate(new HubTransferUpdate(7, completed, TransferCaseStatus.Accepted));

        Assert.Equal((7L, "t-1", TransferStatus.Accepted, TransferDirection.In, "resident", "2024-11-25"), (update.Cursor, update.TransferId, update.Status,
            update.Direction, update.ResidentId, update.RequestedDate));
    }

    [Fact]
    public void ReportedStatus_EveryContractValue_OnlyTheNationalSystemsStatuses()
    {
        var reported = Enum.GetValues<TransferStatus>().Append((TransferStatus)99).ToDictionary(s => s, TransferRecords.ReportedStatus);

        Assert.Equal(new Dictionary<TransferStatus, TransferCaseStatus?>
        {
            [TransferStatus.Unspecified] = null, [TransferStatus.Requested] = null, [TransferStatus.Accepted] = null,
            [TransferStatus.Sent] = TransferCaseStatus.Sent, [TransferStatus.Received] = TransferCaseStatus.Received,
            [TransferStatus.Completed] = TransferCaseStatus.Completed, [TransferStatus.Refused] = TransferCaseStatus.Refused, [(TransferStatus)99] = null,
        }, reported);
    }

    private static string Proto<TEnum>(TEnum value) where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())!.GetCustomAttributes(typeof(Google.Protobuf.Reflection.OriginalNameAttribute), false)
            .Cast<Google.Protobuf.Reflection.OriginalNameAttribute>().Single().Name;

    private static StoredTransfer Case(TransferCaseDirection direction, TransferCaseStatus status) =>
        new("t-1", direction, "key", "resident", "32", status, null, 24, 1_800_000, new DateOnly(2024, 11, 25), null, false,
            new DateOnly(2024, 11, 27));
}

using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Transfers;

namespace ExchangeHub.Server.Tests.Transfers;

/// <summary>The stored codes of a transfer case: one spelling each, both ways, for every value.</summary>
public sealed class TransferCodesTests
{
    [Fact]
    public void Status_EveryValue_RoundTripsThroughItsStoredText()
    {
        var names = Enum.GetValues<TransferCaseStatus>().Select(TransferCodes.Name).ToList();

        Assert.Equal(["REQUESTED", "ACCEPTED", "SENT", "RECEIVED", "COMPLETED", "REFUSED"], names);
        Assert.Equal(Enum.GetValues<TransferCaseStatus>(), names.Select(TransferCodes.Status));
    }

    [Fact]
    public void Direction_EveryValue_RoundTripsThroughItsStoredText()
    {
        var names = Enum.GetValues<TransferCaseDirection>().Select(TransferCodes.Name).ToList();

        Assert.Equal(["IN", "OUT"], names);
        Assert.Equal(Enum.GetValues<TransferCaseDirection>(), names.Select(TransferCodes.Direction));
    }

    [Theory]
    [InlineData("requested")]
    [InlineData("Requested")]
    [InlineData("")]
    public void Status_UnknownStoredText_Throws(string stored) => Assert.Throws<InvalidOperationException>(() => TransferCodes.Status(stored));

    [Theory]
    [InlineData("in")]
    [InlineData("1")]
    public void Direction_UnknownStoredText_Throws(string stored) => Assert.Throws<InvalidOperationException>(() => TransferCodes.Direction(stored));

    [Fact]
    public void FeedDirection_EveryValue_TheFeedsStoredNumber() =>
        Assert.Equal([StoredTransferDirection.In, StoredTransferDirection.Out], Enum.GetValues<TransferCaseDirection>().Select(TransferCodes.FeedDirection));

    [Theory]
    [InlineData(StoredConsolidationPlace.LastInsured, "LAST_INSURED")]
    [InlineData(StoredConsolidationPlace.HouseholdRegistration, "HOUSEHOLD_REGISTRATION")]
    public void ConsolidationPlace_StoredNumber_EventName(int stored, string name) => Assert.Equal(name, TransferCodes.ConsolidationPlace(stored));

    [Fact]
    public void StoredCodes_MatchTheContractsNumbers()
    {
        Assert.Equal(((int)V1.TransferDirection.In, (int)V1.TransferDirection.Out), (StoredTransferDirection.In, StoredTransferDirection.Out));
        Assert.Equal(((int)V1.ConsolidationPlace.LastInsured, (int)V1.ConsolidationPlace.HouseholdRegistration),
            (StoredConsolidationPlace.LastInsured, StoredConsolidationPlace.HouseholdRegistration));
    }
}

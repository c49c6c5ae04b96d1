using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Feeds;

/// <summary>
/// FACTS "Sources": an agency limited to divisions (<c>Hub:Security:Agencies:N:Divisions</c>) may report unit records
/// only for them; outside, the record is rejected with <c>DIVISION_OUTSIDE_JURISDICTION</c> naming <c>division_code</c>
/// and nothing stored changes. Through the real hub: <c>market-2</c> limited to divisions 01 and 02, beside the
/// development regulator with no limit.
/// </summary>
[Trait("clause", "FACTS")]
public abstract class JurisdictionTests(ClockedHubFixture fixture)
{
    private TestHub Hub => fixture.Hub;

    private static string Prefix() => "j" + Guid.NewGuid().ToString("N")[..10] + "-";

    [Theory]
    [InlineData("01", true)]
    [InlineData("02", true)]
    [InlineData("00", false)]
    [InlineData("03", false)]
    [InlineData("14", false)]
    public async Task PushUnits_SecondRegulator_InsideItsDivisionsStoredOutsideRejectedNamingTheField(string division, bool inside)
    {
        var p = Prefix();
        var unit = Records.Unit(p + "1", unit: 500 + int.Parse(division, System.Globalization.CultureInfo.InvariantCulture));
        unit.DivisionCode = division;

        var summary = await RegionalAsync(unit);

        if (inside)
        {
            Assert.Equal((1, 0), (summary.Accepted, summary.Rejected));
            Assert.Equal(1, await Hub.Database.ScalarAsync(
                $"SELECT COUNT(*) FROM units WHERE source_record_id = '{p}1' AND agency_id = 'market-2' AND division_code = '{division}'"));
        }
        else
        {
            var rejection = Assert.Single(summary.Rejections);
            Assert.Equal((0, p + "1", "division_code", RejectionCodes.DivisionOutsideJurisdiction),
                (summary.Accepted, rejection.SourceRecordId, rejection.Field, rejection.ReasonCode));
            Assert.Equal(0, await CountAsync(p));
        }
    }

    /// <summary>
    /// A regulator with no divisions configured reports any division; the limited one's record for the same unit
    /// outside its divisions (a DEREGISTERED record, the case of issue 11) leaves the stored unit as it was.
    /// </summary>
    [Fact]
    public async Task PushUnits_OutsideRecordForAUnitTheOtherRegulatorReported_StoredUnitUntouched()
    {
        var p = Prefix();
        var active = Records.Unit(p + "own", unit: 520);
        active.DivisionCode = "05";
        Assert.Equal(1, (await Infrastructure.Feeds.PushUnitsAsync(Hub.Channel(TestHub.MarketToken), [active])).Accepted);
        var deregistered = Records.Unit(p + "other", unit: 520);
        deregistered.DivisionCode = "05";
        deregistered.RegistrationStatus = RegistrationStatus.Deregistered;
        deregistered.StatusDate = "2024-09-01";

        var summary = await RegionalAsync(deregistered);

        Assert.Equal(RejectionCodes.DivisionOutsideJurisdiction, Assert.Single(summary.Rejections).ReasonCode);
        Assert.Equal(1, await CountAsync(p));
        Assert.Equal(1, await Hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM units WHERE uscc = '{Ids.Uscc(520)}' AND agency_id = 'dev-market' AND registration_status = {(int)RegistrationStatus.Active}"));
    }

    /// <summary>A correction moving the limited regulator's own unit out of its divisions is rejected; revision 1 stays.</summary>
    [Fact]
    public async Task PushUnits_CorrectionMovingOutOfTheDivisions_RejectedRevisionOneKept()
    {
        var p = Prefix();
        Assert.Equal(1, (await RegionalAsync(Records.Unit(p + "1", unit: 530))).Accepted);
        var moved = Records.Unit(p + "1", unit: 530, revision: 2);
        moved.DivisionCode = "07";

        var summary = await RegionalAsync(moved);

        Assert.Equal(("division_code", RejectionCodes.DivisionOutsideJurisdiction), (Assert.Single(summary.Rejections).Field,
            summary.Rejections[0].ReasonCode));
        Assert.Equal(1, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM units WHERE source_record_id = '{p}1' AND revision = 1 AND division_code = '01'"));
        Assert.Equal(1, await CountAsync(p));
    }

    private Task<IngestSummary> RegionalAsync(UnitRecord unit) =>
        Infrastructure.Feeds.PushUnitsAsync(Hub.Channel(ClockedHubFixture.RegionalMarketToken), [unit]);

    private Task<long> CountAsync(string prefix) => Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM units WHERE source_record_id LIKE '{prefix}%'");
}

[Trait("storage", "sqlite")]
public sealed class SqliteJurisdictionTests(SqliteClockedHubFixture fixture) : JurisdictionTests(fixture), IClassFixture<SqliteClockedHubFixture>;

[Trait("storage", "postgres")]
public sealed class PostgresJurisdictionTests(PostgresClockedHubFixture fixture) : JurisdictionTests(fixture), IClassFixture<PostgresClockedHubFixture>;

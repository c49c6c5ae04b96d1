using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Cli;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Persons;

/// <summary>
/// A person's file (issue 5, item 4) through the real hub: one person's benefit claims, transfers and skill subsidies,
/// by pseudonymous key or, for the operator only, by resident id; every call audited (clock at 2024-11-30).
/// </summary>
public abstract class PersonRecordTests(StorageProvider provider) : IAsyncLifetime
{
    /// <summary>An agency holding only the AUDITOR role (token <c>dev-auditor-token</c>).</summary>
    private const string AuditorToken = "dev-auditor-token";

    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub Hub { get; set; } = null!;

    private PersonService.PersonServiceClient Client(string token) => new(Hub.Channel(token));

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
        ["Hub:Transfers:SendDeadlineNotices"] = "false",
        ["Hub:Security:Agencies:5:Id"] = "dev-auditor",
        ["Hub:Security:Agencies:5:Name"] = "Test auditor",
        ["Hub:Security:Agencies:5:Roles:0"] = Roles.Auditor,
        ["Hub:Security:Agencies:5:TokenSha256"] = "98cf681f2a5cde03b61e87f21f50956519de249c09b0b0c5af316ce8ddd861a7",
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    [Fact]
    public async Task GetPersonRecord_ByKeyAndByResidentId_ClaimsTransfersAndSubsidiesOfThatPersonOnly()
    {
        await SeedPersonAsync(person: 30);
        await SeedPersonAsync(person: 31);

        var byKey = await Client(TestHub.OperatorToken).GetPersonRecordAsync(new GetPersonRecordRequest { PersonKey = KeyOf(30) });
        var byId = await Client(TestHub.OperatorToken).GetPersonRecordAsync(new GetPersonRecordRequest { ResidentId = Ids.ResidentId(30) });

        Assert.Equal(byKey, byId);
        Assert.Equal(KeyOf(30), byKey.PersonKey);
        var claim = Assert.Single(byKey.Claims);
        Assert.Equal(("DECIDED", "GRANTED", KeyOf(30)), (EnumNames.Suffix(claim.Status), EnumNames.Suffix(claim.Decisions[0].Outcome), claim.PersonKey));
        var transfer = Assert.Single(byKey.Transfers);
        Assert.Equal(("ptr-30", TransferStatus.Accepted, TransferDirection.In), (transfer.TransferId, transfer.Status, transfer.Direction));
        var subsidy = Assert.Single(byKey.SkillSubsidies);
        Assert.Equal(("C-pcert-30", SkillOutcome.Granted, 100_000L, true), (subsidy.CertificateNumber, subsidy.Outcome, subsidy.AmountFen, subsidy.IsCurrent));
        Assert.Empty(byKey.Clawbacks);
        Assert.DoesNotContain(Ids.ResidentId(30), byKey.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPersonRecord_TrainingAlsoPaidForTheCertificate_ClawbackOfTheLaterSubsidyListed()
    {
        await SeedPersonAsync(person: 32);
        var payment = Records.TrainingPayment("ppay-32", "C-pcert-32", paid: "2024-11-29");
        Assert.Equal(0, (await Infrastructure.Feeds.PushTrainingPaymentsAsync(Hub.Channel(TestHub.SkillToken), [payment])).Rejected);
        await DecideSkillsAsync();

        var record = await Client(TestHub.OperatorToken).GetPersonRecordAsync(new GetPersonRecordRequest { PersonKey = KeyOf(32) });

        var clawback = Assert.Single(record.Clawbacks);
        // 1.(3): the skill subsidy granted on 2024-11-30 is the later of the two, recovered from the person.
        Assert.Equal(("C-pcert-32", "SKILL_UPGRADE", "PERSON", KeyOf(32)), (clawback.CertificateNumber, EnumNames.Suffix(clawback.RecoveredSubsidy), EnumNames.Suffix(clawback.RecipientKind),
            clawback.RecipientKey));
    }

    [Fact]
    public async Task GetPersonRecord_UnknownPerson_EmptyFileUnderItsKey()
    {
        var record = await Client(TestHub.OperatorToken).GetPersonRecordAsync(new GetPersonRecordRequest { ResidentId = Ids.ResidentId(33) });

        Assert.Equal((KeyOf(33), 0, 0, 0, 0), (record.PersonKey, record.Claims.Count, record.Transfers.Count, record.SkillSubsidies.Count,
            record.Clawbacks.Count));
    }

    [Fact]
    public async Task GetPersonRecord_Auditor_ByKeyAllowedByResidentIdPermissionDeniedAndAudited()
    {
        await SeedPersonAsync(person: 34);

        var byKey = await Client(AuditorToken).GetPersonRecordAsync(new GetPersonRecordRequest { PersonKey = KeyOf(34) });
        var byId = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client(AuditorToken).GetPersonRecordAsync(new GetPersonRecordRequest { ResidentId = Ids.ResidentId(34) }));

        Assert.Single(byKey.Claims);
        Assert.Equal(StatusCode.PermissionDenied, byId.StatusCode);
        const string method = "/exchangehub.v1.PersonService/GetPersonRecord";
        Assert.Equal(1, await Hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM audit_log WHERE agency_id = 'dev-auditor' AND method = '{method}' AND outcome = 'OK' AND accepted = 3"));
        Assert.Equal(1, await Hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM audit_log WHERE agency_id = 'dev-auditor' AND method = '{method}' AND outcome = 'PermissionDenied'"));
    }

    [Theory]
    [InlineData(TestHub.TaxToken)]
    [InlineData(TestHub.TransferToken)]
    [InlineData(TestHub.SkillToken)]
    public async Task GetPersonRecord_FeedAgency_PermissionDenied(string token)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client(token).GetPersonRecordAsync(new GetPersonRecordRequest { PersonKey = KeyOf(35) }));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Theory]
    [InlineData("", "person")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789", "person_key")]
    [InlineData("0123456789abcdef", "person_key")]
    [InlineData("id:110101199003070000", "resident_id")]
    public async Task GetPersonRecord_BadKey_InvalidArgumentNamingTheField(string value, string field)
    {
        var request = field switch
        {
            "person_key" => new GetPersonRecordRequest { PersonKey = value },
            "resident_id" => new GetPersonRecordRequest { ResidentId = value["id:".Length..] },
            _ => new GetPersonRecordRequest(),
        };

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Client(TestHub.OperatorToken).GetPersonRecordAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task PersonShow_ByResidentIdAndByKey_PrintsClaimsTransfersAndSubsidies()
    {
        await SeedPersonAsync(person: 36);

        var (exit, output) = await CliAsync("person", "show", "--resident-id", Ids.ResidentId(36));
        var (keyExit, keyOutput) = await CliAsync("person", "show", "--person-key", KeyOf(36));

        Assert.Equal((0, 0), (exit, keyExit));
        Assert.Equal(output, keyOutput);
        Assert.Contains($"Person {KeyOf(36)}", output, StringComparison.Ordinal);
        var rows = CliOutput.Rows(output).ToList();
        Assert.Contains(rows, r => r.Length == 10 && r[3] == "DECIDED" && r[5] == "GRANTED");
        Assert.Contains(rows, r => r.Length == 10 && r[0] == "ptr-36" && r[1] == "IN" && r[3] == "ACCEPTED");
        Assert.Contains(rows, r => r.Length == 6 && r[0] == "C-pcert-36" && r[3] == "GRANTED" && r[4] == "1,000.00");
        Assert.DoesNotContain(Ids.ResidentId(36), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonShow_UnknownPerson_SaysSoExitZero()
    {
        var (exit, output) = await CliAsync("person", "show", "--person-key", new string('0', 32));

        Assert.Equal(0, exit);
        Assert.Contains("holds no claim, transfer or skill subsidy", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PersonShow_NeitherOrBothKeys_UsageErrorNoCall(bool both)
    {
        string[] args = both ? ["person", "show", "--person-key", new string('0', 32), "--resident-id", Ids.ResidentId(37)] : ["person", "show"];

        var (exit, output) = await CliAsync(args);

        Assert.NotEqual(0, exit);
        Assert.Contains("give exactly one of --person-key and --resident-id", output, StringComparison.Ordinal);
    }

    /// <summary>12 insured months, a granted claim, an accepted transfer-in and a granted level-5 certificate for the person.</summary>
    private async Task SeedPersonAsync(int person)
    {
        var lines = Enumerable.Range(0, 12)
            .Select(i => Records.Line($"pline-{person}-{i}", unit: 1, person: person, period: $"2023-{i + 1:00}"))
            .ToList();
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), lines)).Rejected);
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(Hub.Channel(TestHub.SkillToken),
            [Records.Certificate($"pcert-{person}", person: person)])).Rejected);
        await DecideSkillsAsync();
        Assert.Equal(0, (await Infrastructure.Feeds.PushTransfersAsync(Hub.Channel(TestHub.TransferToken), [Records.Transfer($"ptr-{person}", person)])).Rejected);
        await new TransferService.TransferServiceClient(Hub.Channel(TestHub.OperatorToken))
            .AcceptTransferAsync(new AcceptTransferRequest { TransferId = $"ptr-{person}" });
        var claims = new BenefitClaimService.BenefitClaimServiceClient(Hub.Channel(TestHub.OperatorToken));
        var submitted = await claims.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(person), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.App },
        });
        await claims.DecideClaimAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId });
    }

    private async Task DecideSkillsAsync() =>
        await new SkillSubsidyService.SkillSubsidyServiceClient(Hub.Channel(TestHub.OperatorToken))
            .DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = "2024-11-30" }, deadline: DateTime.UtcNow.AddMinutes(2));

    private Task<(int Exit, string Output)> CliAsync(params string[] args) =>
        CliOutput.RunAsync([.. args, "--hub", Hub.Address.ToString(), "--token", TestHub.OperatorToken]);

    private string KeyOf(int person) => Hub.Services.GetRequiredService<PersonKey>().Of(Ids.ResidentId(person));
}

[Trait("storage", "sqlite")]
public sealed class SqlitePersonRecordTests() : PersonRecordTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresPersonRecordTests() : PersonRecordTests(StorageProvider.Postgres);

using System.Security.Cryptography;
using ExchangeHub.Server.Feeds;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Synthetic;
using ExchangeHub.V1;
using Google.Protobuf;

namespace ExchangeHub.Server.Tests.Simulate;

/// <summary>
/// The synthetic exchange behind <c>exchangehub simulate</c>, without a hub: deterministic from its seed, valid for
/// the hub's own validators, and containing every situation it promises (issue 6, item 1).
/// </summary>
public sealed class SyntheticDatasetTests
{
    private static readonly SimulationScale Small = new(50, 500, 2024, 7);
    private static readonly SimulationScale Medium = new(600, 15_000, 2024, 11);

    [Fact]
    public void Create_SameSeed_IdenticalRecords()
    {
        Assert.Equal(Fingerprint(SyntheticDataset.Create(Small)), Fingerprint(SyntheticDataset.Create(Small)));
    }

    /// <summary>
    /// Pinned: the same seed gives these records on every machine and runtime. Change the value only when the
    /// generator is changed on purpose (and say so in the commit).
    /// </summary>
    [Fact]
    public void Create_SmallScale_PinnedFingerprint()
    {
        var data = SyntheticDataset.Create(Small);

        Assert.Equal("F0F34C531129935E0C526826BAD6AF585AF57218C6C5C0CD48E9051D81609E6E", Fingerprint(data));
    }

    [Fact]
    public void Create_OtherSeed_OtherRecordsAndOtherSourceIds()
    {
        var a = SyntheticDataset.Create(Small);
        var b = SyntheticDataset.Create(Small with { Seed = 8 });

        Assert.NotEqual(Fingerprint(a), Fingerprint(b));
        Assert.NotEqual(a.SourcePrefix, b.SourcePrefix);
        Assert.Empty(a.Units.Select(u => u.Uscc).Intersect(b.Units.Select(u => u.Uscc)));
    }

    [Fact]
    public void Steps_CountsMatchTheStreams()
    {
        var data = SyntheticDataset.Create(Small);

        foreach (var step in data.Steps)
        {
            Assert.Equal(step.Records, data.Records(step).LongCount());
        }
        Assert.Equal(9, data.Steps.Count);
    }

    [Fact]
    public void Records_EveryOnePassesTheHubsValidation()
    {
        var data = SyntheticDataset.Create(Medium);
        var context = new ValidationContext(DateOnly.FromDateTime(DateTime.UtcNow), 1999_01);
        var faults = new List<string>();
        void Check<T>(IFeedKind<T> kind, IEnumerable<T> records)
        {
            foreach (var record in records)
            {
                var id = Fields.Code("source_record_id", kind.SourceRecordId(record), 64) ?? Fields.Revision("revision", kind.Revision(record));
                if ((id ?? kind.Validate(record, context, out _)) is { } fault)
                {
                    faults.Add($"{kind.SourceRecordId(record)}: {fault}");
                }
            }
        }
        foreach (var pass in new[] { SimulationPass.OnTime, SimulationPass.Late })
        {
            Check(new UnitKind(), data.UnitRecords(pass));
            Check(new ContributionLineKind(), data.ContributionLines(pass));
            Check(new SettlementStatusKind(), data.Settlements(pass));
        }
        Check(new TransferRequestKind(), data.TransferRequests());
        Check(new SkillCertificateKind(), data.Certificates());
        Check(new TrainingSubsidyPaymentKind(), data.TrainingSubsidyPayments());

        Assert.Empty(faults.Take(10));
    }

    [Fact]
    public void Records_SourceIdsUniquePerFeed()
    {
        var data = SyntheticDataset.Create(Small);

        foreach (var step in data.Steps.Where(s => s.Pass == SimulationPass.OnTime))
        {
            var ids = data.Records(step).Select(SourceId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
        // The late pass sends new records (late lines, back payments, fees) and corrections of on-time ones only.
        var onTime = data.ContributionLines(SimulationPass.OnTime).ToDictionary(l => l.SourceRecordId);
        foreach (var line in data.ContributionLines(SimulationPass.Late))
        {
            Assert.Equal(line.Revision == 2, onTime.ContainsKey(line.SourceRecordId));
        }
    }

    [Fact]
    public void Mix_SmallScale_ContainsEveryPromisedSituation()
    {
        var data = SyntheticDataset.Create(Small);
        var onTime = data.ContributionLines(SimulationPass.OnTime).ToList();
        var late = data.ContributionLines(SimulationPass.Late).ToList();
        var settlements = data.Settlements(SimulationPass.OnTime).ToList();

        Assert.Contains(settlements, s => s.Status == SettlementStatus.Arrears);
        Assert.Contains(settlements, s => s.Status == SettlementStatus.Deferred);
        Assert.Contains(data.Settlements(SimulationPass.Late), s => s.Revision == 2 && s.Status == SettlementStatus.Settled);
        Assert.All(Enum.GetValues<SettlementPlan>(), plan => Assert.Contains(data.Units, u => u.SettlementPlan == plan));
        Assert.Contains(late, l => l.Kind == ContributionKind.BackPayment);
        Assert.Contains(late, l => l.Kind == ContributionKind.LateFee);
        Assert.Contains(late, l => l.Kind == ContributionKind.Regular && l.Revision == 1);  // late lines
        Assert.Contains(late, l => l.Kind == ContributionKind.Regular && l.Revision == 2);  // corrections
        Assert.Contains(data.UnitRecords(SimulationPass.Late), u => u.Revision == 2 && u.SizeClassSource == SizeClassSource.Official);
        Assert.Contains(data.TransferRequests(), t => t.Direction == TransferDirection.In);
        Assert.Contains(data.Certificates(), c => c.Level is >= 3 and <= 5);
        Assert.NotEmpty(data.TrainingSubsidyPayments());
        // Persons changing jobs: lines for one person at two units.
        Assert.Contains(onTime.Concat(late).GroupBy(l => l.ResidentId), g => g.Select(l => l.Uscc).Distinct().Count() > 1);
    }

    [Fact]
    public void Mix_MediumScale_TransfersOutCertificatesFollowedByTheNextLevelAndEverySizeClass()
    {
        var data = SyntheticDataset.Create(Medium);

        Assert.Contains(data.TransferRequests(), t => t.Direction == TransferDirection.Out);
        Assert.Contains(data.Certificates().GroupBy(c => (c.ResidentId, c.OccupationCode)), g => g.Count() == 2);
        Assert.Contains(data.TrainingSubsidyPayments(), p => p.RecipientKind == SubsidyRecipientKind.Unit);
        Assert.Contains(data.TrainingSubsidyPayments(), p => p.RecipientKind == SubsidyRecipientKind.Person);
        Assert.All(Enum.GetValues<SizeClass>().Skip(1), size => Assert.Contains(data.Units, u => u.SizeClass == size));
        Assert.All(Enum.GetValues<OrganisationType>().Skip(1), type => Assert.Contains(data.Units, u => u.OrganisationType == type));
        Assert.Contains(data.Units, u => u.RegistrationStatus != RegistrationStatus.Active);
        Assert.Contains(data.Units, u => u.LabourDispatch);
        Assert.Equal(15, data.Units.Select(u => u.DivisionCode).Distinct().Count());
    }

    [Trait("clause", "1.(2)")]
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Layoffs_FromTheLines_BothSidesOfTheThreshold(bool thirtyOrFewer)
    {
        var data = SyntheticDataset.Create(Medium);
        var rates = LayoffRates(data);
        var group = data.Units.Where(u => u.JanuaryHeadcount <= 30 == thirtyOrFewer).ToList();

        // What the lines show is what was planned.
        Assert.All(group, u => Assert.Equal((u.JanuaryHeadcount, u.DecemberHeadcount), rates[u.Uscc]));
        var threshold = thirtyOrFewer ? 0.20m : 0.055m;
        var layoffRates = group.Select(u => Math.Max(0m, (u.JanuaryHeadcount - u.DecemberHeadcount) / (decimal)u.JanuaryHeadcount)).ToList();
        Assert.Contains(layoffRates, r => r > 0 && r <= threshold);
        Assert.Contains(layoffRates, r => r == threshold || (r > threshold && r < threshold + 0.05m));
        Assert.Contains(layoffRates, r => r > threshold);
        Assert.Contains(layoffRates, r => r == 0);
    }

    /// <summary>Distinct persons with a REGULAR or BACK_PAYMENT line in January and in December, per USCC.</summary>
    private static Dictionary<string, (int January, int December)> LayoffRates(SyntheticDataset data)
    {
        var lines = data.ContributionLines(SimulationPass.OnTime).Concat(data.ContributionLines(SimulationPass.Late))
            .Where(l => l.Kind is ContributionKind.Regular or ContributionKind.BackPayment).ToList();
        var january = lines.Where(l => l.Period.EndsWith("-01", StringComparison.Ordinal)).GroupBy(l => l.Uscc)
            .ToDictionary(g => g.Key, g => g.Select(l => l.ResidentId).Distinct().Count());
        var december = lines.Where(l => l.Period.EndsWith("-12", StringComparison.Ordinal)).GroupBy(l => l.Uscc)
            .ToDictionary(g => g.Key, g => g.Select(l => l.ResidentId).Distinct().Count());
        return data.Units.ToDictionary(u => u.Uscc, u => (january.GetValueOrDefault(u.Uscc), december.GetValueOrDefault(u.Uscc)));
    }

    private static string SourceId(IMessage record) => record switch
    {
        UnitRecord r => r.SourceRecordId,
        ContributionLine r => r.SourceRecordId,
        SettlementStatusRecord r => r.SourceRecordId,
        TransferRequestRecord r => r.SourceRecordId,
        SkillCertificateRecord r => r.SourceRecordId,
        TrainingSubsidyPaymentRecord r => r.SourceRecordId,
        _ => throw new ArgumentException("not a feed record", nameof(record)),
    };

    /// <summary>SHA-256 over the serialized bytes of every record of every step, in order.</summary>
    private static string Fingerprint(SyntheticDataset data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var step in data.Steps)
        {
            foreach (var record in data.Records(step))
            {
                hash.AppendData(record.ToByteArray());
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

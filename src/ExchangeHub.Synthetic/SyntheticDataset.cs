using System.Globalization;
using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>
/// A deterministic synthetic exchange: the same <see cref="SimulationScale"/> (seed included) gives the same records,
/// byte for byte, on every machine. Units and persons are built once; every feed's records are streamed as the
/// protobuf messages the agencies send, in the order of <see cref="Steps"/>: first everything on time, then the late
/// pass. Source record ids carry the seed, so simulations with different seeds can share a hub.
/// </summary>
public sealed class SyntheticDataset
{
    private readonly Population _population;
    private readonly UnitRecords _units;
    private readonly ContributionLines _lines;
    private readonly SettlementRecords _settlements;
    private readonly TransferRequests _transfers;
    private readonly SkillRecords _skills;

    private SyntheticDataset(SimulationScale scale)
    {
        Scale = scale;
        SourcePrefix = "sim" + scale.Seed.ToString("x", CultureInfo.InvariantCulture);
        var calendar = new Calendar(scale);
        _population = Population.Create(scale);
        _units = new UnitRecords(_population, SourcePrefix);
        _lines = new ContributionLines(_population, calendar, SourcePrefix);
        _settlements = new SettlementRecords(_population, calendar, _lines, SourcePrefix);
        _transfers = new TransferRequests(_population, calendar, SourcePrefix);
        _skills = new SkillRecords(_population, calendar, SourcePrefix);
        Steps =
        [
            new(SimulatedFeed.Units, SimulationPass.OnTime, _units.Count(SimulationPass.OnTime)),
            new(SimulatedFeed.Contributions, SimulationPass.OnTime, _lines.Slots(SimulationPass.OnTime).LongCount()),
            new(SimulatedFeed.Settlements, SimulationPass.OnTime, _settlements.Count(SimulationPass.OnTime)),
            new(SimulatedFeed.TransferRequests, SimulationPass.OnTime, _transfers.Count()),
            new(SimulatedFeed.Certificates, SimulationPass.OnTime, _skills.CertificateCount()),
            new(SimulatedFeed.TrainingSubsidyPayments, SimulationPass.OnTime, _skills.PaymentCount()),
            new(SimulatedFeed.Units, SimulationPass.Late, _units.Count(SimulationPass.Late)),
            new(SimulatedFeed.Contributions, SimulationPass.Late, _lines.Slots(SimulationPass.Late).LongCount()),
            new(SimulatedFeed.Settlements, SimulationPass.Late, _settlements.Count(SimulationPass.Late)),
        ];
    }

    public SimulationScale Scale { get; }

    /// <summary>The start of every source_record_id of this seed ("sim" and the seed in hex).</summary>
    public string SourcePrefix { get; }

    /// <summary>The pushes of the simulation in order, with their record counts.</summary>
    public IReadOnlyList<SimulationStep> Steps { get; }

    /// <summary>The units and what was planned for them (layoffs, arrears, deferrals, official class).</summary>
    public IReadOnlyList<SyntheticUnit> Units => _population.Units;

    public long TotalRecords => Steps.Sum(s => s.Records);

    public static SyntheticDataset Create(SimulationScale scale) => new(scale);

    public IEnumerable<UnitRecord> UnitRecords(SimulationPass pass) => _units.Records(pass);

    public IEnumerable<ContributionLine> ContributionLines(SimulationPass pass) => _lines.Slots(pass).Select(_lines.ToRecord);

    public IEnumerable<SettlementStatusRecord> Settlements(SimulationPass pass) => _settlements.Records(pass);

    /// <summary>Transfer requests, all on time (the national system sends each once).</summary>
    public IEnumerable<TransferRequestRecord> TransferRequests() => _transfers.Records();

    public IEnumerable<SkillCertificateRecord> Certificates() => _skills.Certificates();

    public IEnumerable<TrainingSubsidyPaymentRecord> TrainingSubsidyPayments() => _skills.Payments();

    /// <summary>
    /// The source record ids this simulation corrects in its late pass (revision 2). Sent again, their revision 1 is
    /// older than what the hub holds: the hub answers STALE_REVISION, and a re-run counts them as already corrected.
    /// </summary>
    public IReadOnlySet<string> CorrectedSourceIds() =>
        UnitRecords(SimulationPass.Late).Where(r => r.Revision > 1).Select(r => r.SourceRecordId)
            .Concat(ContributionLines(SimulationPass.Late).Where(r => r.Revision > 1).Select(r => r.SourceRecordId))
            .Concat(Settlements(SimulationPass.Late).Where(r => r.Revision > 1).Select(r => r.SourceRecordId))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The records of one step, as messages (for callers that treat every feed alike).</summary>
    public IEnumerable<Google.Protobuf.IMessage> Records(SimulationStep step) => step.Feed switch
    {
        SimulatedFeed.Units => UnitRecords(step.Pass),
        SimulatedFeed.Contributions => ContributionLines(step.Pass),
        SimulatedFeed.Settlements => Settlements(step.Pass),
        SimulatedFeed.TransferRequests => step.Pass == SimulationPass.OnTime ? TransferRequests() : [],
        SimulatedFeed.Certificates => step.Pass == SimulationPass.OnTime ? Certificates() : [],
        SimulatedFeed.TrainingSubsidyPayments => step.Pass == SimulationPass.OnTime ? TrainingSubsidyPayments() : [],
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.Feed, "unknown feed"),
    };
}

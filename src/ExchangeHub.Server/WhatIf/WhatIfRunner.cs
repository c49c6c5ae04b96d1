using System.Runtime.CompilerServices;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.Skills;
using ExchangeHub.Policy.WhatIf;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.WhatIf;

/// <summary>
/// A what-if (issue 14 item 2): every unit's refund decided from the stored facts as of D — read a chunk at a time by
/// the run's own reader (<see cref="StoredFactsReader"/>, <see cref="RefundFactsBuilder"/>), so memory holds one chunk
/// and the groups — under the hub's loaded policy and under a variant, compared by the policy library
/// (<see cref="WhatIfComparer"/>). It stores and publishes nothing and never takes the writer lease: the facts are read
/// on reader connections, so a run or a feed is never blocked by it. One at a time per hub, so a what-if cannot take
/// the readers and cores a run needs twice over; the caller's cancellation stops it between units.
/// Every unit is decided at D, an approved refund too (a run settles those at their frozen date): the what-if prices
/// a variant, it does not replay the year.
/// </summary>
public sealed class WhatIfRunner(StoredFactsReader factsReader, SkillInputsReader skillInputs, BenefitClaimReader claims, PersonFactsReader personFacts,
    PersonKey personKey, PolicySet policy, TimeProvider clock, ILogger<WhatIfRunner> logger) : IDisposable
{
    public const string RefundProgramme = "REFUND", SkillProgramme = "SKILL_SUBSIDY", BenefitProgramme = "UNEMPLOYMENT_BENEFIT";

    /// <summary>A person's group: persons have no size class, and their facts name no division (the contract's empty code).</summary>
    public const string NotApplicable = "NOT_APPLICABLE";

    private const int UnitsPerChunk = 500, ClaimsPerPage = 500;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>
    /// Decides every unit under both files. <paramref name="changed"/> receives each subject whose outcome or amount
    /// differs, up to <paramref name="maxChanged"/> (the rest are only counted); <paramref name="progress"/> the units
    /// done after each chunk. Refuses (WHAT_IF_IN_PROGRESS) when another what-if is running on this hub.
    /// </summary>
    public async Task<WhatIfTotals> RunAsync(PolicySet variant, DateOnly decisionDate, int maxChanged, Func<WhatIfChange, Task> changed,
        Func<int, int, Task> progress, CancellationToken ct)
    {
        if (!await _oneAtATime.WaitAsync(0, ct))
        {
            throw new ActionRefusedException("a what-if is already running on this hub; wait for it to finish", ErrorReasons.WhatIfInProgress);
        }
        try
        {
            // Knowledge time T = the call's start, as a run's: a version recorded during the what-if never counts.
            var asOf = new FactsAsOf(decisionDate, clock.GetUtcNow().ToUnixTimeMilliseconds());
            var totals = new WhatIfTotals(decisionDate, policy.Identity, variant.Identity);
            var baseline = new RefundDecider(policy);
            var other = new RefundDecider(variant);
            var known = await factsReader.KnownUnitsAsync(ct);
            await progress(0, known);
            await foreach (var chunk in factsReader.ReadChunksAsync(asOf, UnitsPerChunk, ct))
            {
                foreach (var uscc in chunk.Subjects)
                {
                    ct.ThrowIfCancellationRequested();
                    var facts = RefundFactsBuilder.Build(uscc, chunk);
                    var compared = Compare(baseline, other, facts, decisionDate);
                    await Count(new WhatIfChange(RefundProgramme, chunk.Units.GetValueOrDefault(uscc)?.DivisionCode ?? "",
                        facts.SizeClass is { } size ? UpperSnake.Format(size) : "", compared.Line));
                }
                await progress(totals.Subjects, Math.Max(known, totals.Subjects));
            }
            await foreach (var line in SkillSubsidiesAsync(variant, asOf, ct))
            {
                await Count(new WhatIfChange(SkillProgramme, "", NotApplicable, line));
            }
            await foreach (var line in BenefitClaimsAsync(variant, asOf, ct))
            {
                await Count(new WhatIfChange(BenefitProgramme, "", NotApplicable, line));
            }
            await progress(totals.Subjects, Math.Max(known, totals.Subjects));
            totals.Truncated = Math.Max(0, totals.ChangedSubjects - maxChanged);
            return totals;

            async Task Count(WhatIfChange change)
            {
                if (totals.Add(change) && totals.ChangedSubjects <= maxChanged)
                {
                    await changed(change);
                }
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// A unit whose rules throw is UNDETERMINED under both files (the decider's own <see cref="RefundDecider.Failed"/>),
    /// logged, and the what-if goes on — as a run does (issue 13).
    /// </summary>
    private RefundComparison Compare(RefundDecider baseline, RefundDecider variant, RefundFacts facts, DateOnly decisionDate)
    {
        try
        {
            return WhatIfComparer.CompareRefund(baseline, variant, facts, decisionDate);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "What-if: deciding unit {Uscc} failed", facts.Uscc);
            var error = ex.GetType().Name;
            return WhatIfComparer.Compared(baseline.Failed(facts, decisionDate, error), variant.Failed(facts, decisionDate, error));
        }
    }

    /// <summary>
    /// Every pending skill subsidy — a certificate issued by D with no current decision, or an UNDETERMINED one (a
    /// granted one stands, POLICY.md 1.(3); a refused one is final for its facts) — decided under both files from the
    /// call's own facts (<see cref="SkillInputsReader"/>, <see cref="SkillSubsidyFactsOf"/>), holder by holder in order
    /// of issue date, a grant under one file counting as a prior grant of the later certificates under that file only.
    /// </summary>
    private async IAsyncEnumerable<WhatIfLine> SkillSubsidiesAsync(PolicySet variant, FactsAsOf asOf, [EnumeratorCancellation] CancellationToken ct)
    {
        var inputs = await skillInputs.ReadAsync(asOf.DecisionDate, asOf.KnowledgeTimeUnixMs, ct);
        var trainingOf = SkillPayments.TrainingOf(inputs.Facts, personKey.Of);
        var baseline = new SkillSubsidyDecider(policy);
        var other = new SkillSubsidyDecider(variant);
        foreach (var person in inputs.Facts.Certificates.GroupBy(c => c.ResidentId, StringComparer.Ordinal))
        {
            var holder = inputs.Facts.HolderOf(person.First());
            var key = personKey.Of(person.Key);
            List<SkillGrant> baselineGrants = [.. holder.SkillGrants], variantGrants = [.. holder.SkillGrants];
            foreach (var stored in person)
            {
                ct.ThrowIfCancellationRequested();
                if (inputs.CurrentDecisions.GetValueOrDefault(stored.Number)?.Outcome is not (null or StoredProgrammeCodes.Outcome.Undetermined))
                {
                    continue;
                }
                var certificate = SkillSubsidyFactsOf.Certificate(stored);
                var training = trainingOf(stored.Number);
                var b = baseline.Decide(SkillSubsidyFactsOf.Build(key, certificate, holder, baselineGrants, training), asOf.DecisionDate);
                var a = other.Decide(SkillSubsidyFactsOf.Build(key, certificate, holder, variantGrants, training), asOf.DecisionDate);
                SkillSubsidyFactsOf.Record(baselineGrants, b, certificate, asOf.DecisionDate);
                SkillSubsidyFactsOf.Record(variantGrants, a, certificate, asOf.DecisionDate);
                yield return WhatIfComparer.SkillSubsidyLine(b, a);
            }
        }
    }

    /// <summary>
    /// Every benefit claim pending at (D, T) (<see cref="BenefitClaimReader.PendingAsync"/>, a page at a time), decided
    /// under both files from the claimant's facts as of D (<see cref="BenefitClaimFacts"/>, as the claim's own decision).
    /// </summary>
    private async IAsyncEnumerable<WhatIfLine> BenefitClaimsAsync(PolicySet variant, FactsAsOf asOf, [EnumeratorCancellation] CancellationToken ct)
    {
        var baseline = new BenefitDecider(policy);
        var other = new BenefitDecider(variant);
        var after = "";
        while (true)
        {
            var page = await claims.PendingAsync(asOf, after, ClaimsPerPage, ct);
            foreach (var claim in page)
            {
                var person = await personFacts.PersonAsync(claim.ResidentId, asOf.DecisionDate, asOf.KnowledgeTimeUnixMs, ct);
                yield return WhatIfComparer.CompareBenefit(baseline, other, BenefitClaimFacts.Of(claim, person), asOf.DecisionDate,
                    $"{claim.PersonKey}/{claim.ClaimId}");
            }
            if (page.Count < ClaimsPerPage)
            {
                yield break;
            }
            after = page[^1].ClaimId;
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}

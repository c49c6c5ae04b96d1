using ExchangeHub.Policy;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.WhatIf;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Facts;

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
public sealed class WhatIfRunner(StoredFactsReader factsReader, PolicySet policy, TimeProvider clock, ILogger<WhatIfRunner> logger) : IDisposable
{
    public const string RefundProgramme = "REFUND";
    private const int UnitsPerChunk = 500;
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
                    var change = new WhatIfChange(RefundProgramme, chunk.Units.GetValueOrDefault(uscc)?.DivisionCode ?? "",
                        facts.SizeClass is { } size ? UpperSnake.Format(size) : "", compared.Line);
                    if (totals.Add(change) && totals.ChangedSubjects <= maxChanged)
                    {
                        await changed(change);
                    }
                }
                await progress(totals.Subjects, Math.Max(known, totals.Subjects));
            }
            totals.Truncated = Math.Max(0, totals.ChangedSubjects - maxChanged);
            return totals;
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

    public void Dispose() => _oneAtATime.Dispose();
}

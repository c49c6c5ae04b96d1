using System.Globalization;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Rates;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Policy.SizeClasses;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>
/// Finds mismatches between what the agencies sent. Per-unit checks work on the facts already read; the rate check
/// (1.(1)) filters candidate lines in SQL with integer arithmetic per rate period and confirms each candidate with the
/// policy engine's <see cref="ContributionRateCheck"/>, so the rule and its tolerance live in one place.
/// </summary>
public sealed class ExceptionDetector(PolicySet policy, HubDatabase database)
{
    private readonly SizeClassCrossCheck _sizeCheck = new(policy);
    private readonly ContributionRateCheck _rateCheck = new(policy);

    public IEnumerable<ReconciliationMismatch> ForUnit(string uscc, StoredFacts stored, DateOnly asOf)
    {
        var months = stored.Months.GetValueOrDefault(uscc) ?? [];
        var settlements = stored.Settlements.GetValueOrDefault(uscc) ?? [];
        if (!stored.Units.TryGetValue(uscc, out var unit))
        {
            if (months.Count > 0)
            {
                yield return new(ExceptionCodes.UnknownUnit, uscc, null,
                    $"{months.Count} month(s) of contribution lines, {Fields(months[0].Period)}..{Fields(months[^1].Period)}, for a USCC market regulation has not reported");
            }
        }
        else
        {
            foreach (var conflict in stored.Conflicts.GetValueOrDefault(uscc) ?? [])
            {
                yield return new(ExceptionCodes.UnitSourcesConflict, uscc, null,
                    $"{conflict.Fact}: agency {conflict.First.AgencyId} (record {conflict.First.SourceRecordId}) reports {conflict.FirstValue}, "
                    + $"agency {conflict.Second.AgencyId} (record {conflict.Second.SourceRecordId}) reports {conflict.SecondValue}");
            }
            if (unit.RegistrationStatus != RegistrationStatus.Active && unit.StatusDate is { } ended)
            {
                var last = (ended.Year * 100) + ended.Month;
                foreach (var month in months.Where(m => m.Period > last && m.InsuredHeadcount > 0))
                {
                    yield return new(ExceptionCodes.AfterDeregistration, uscc, month.Period,
                        $"{month.InsuredHeadcount} insured person(s) in {Fields(month.Period)} after the unit was {unit.RegistrationStatus.ToString().ToUpperInvariant()} on {ended:yyyy-MM-dd}");
                }
            }
            var size = _sizeCheck.Check(unit.SizeFacts(), asOf);
            if (size.Agrees == false)
            {
                yield return new(ExceptionCodes.SizeClassMismatch, uscc, null,
                    $"reported {unit.SizeClass} ({unit.SizeClassSource}) but the 2017 standard gives {size.ComputedClass} for industry {size.Industry}" +
                    (size.DecidingBound is { } bound ? $" ({bound})" : ""));
            }
        }
        foreach (var month in months.Where(m => m.InsuredHeadcount > 0 && !settlements.ContainsKey(m.Period)))
        {
            yield return new(ExceptionCodes.SettlementMissing, uscc, month.Period,
                $"premium lines for {month.InsuredHeadcount} person(s) in {Fields(month.Period)} but no settlement status");
        }
        var withLines = months.Where(m => m.RegularEmployerFen + m.RegularEmployeeFen + m.BackPaymentEmployerFen + m.BackPaymentEmployeeFen > 0)
            .Select(m => m.Period).ToHashSet();
        foreach (var (period, status) in settlements.Where(s => s.Value == SettlementStatus.Settled && !withLines.Contains(s.Key)).OrderBy(s => s.Key))
        {
            yield return new(ExceptionCodes.SettledWithoutPremiums, uscc, period, $"{Fields(period)} is SETTLED but no premium line was received for it");
        }
    }

    /// <summary>
    /// Lines in force as of D and T (<see cref="FactsSql.LinesInForceForRateCheck"/>: received on or before D, in their
    /// version recorded by T) whose amounts do not match the rate in force in their period (1.(1)); a cancelled line
    /// (0 and 0, "FACTS") is not a mismatch.
    /// </summary>
    public async Task<List<ReconciliationMismatch>> RateMismatchesAsync(FactsAsOf asOf, CancellationToken ct)
    {
        var sql = RateCandidateSql();
        var found = new List<ReconciliationMismatch>();
        if (sql is null)
        {
            return found;
        }
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.With("@d", asOf.DecisionDate).With("@t", asOf.KnowledgeTimeUnixMs);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var period = reader.GetInt32(2);
            var result = _rateCheck.Check(StoredFactsReader.Month(period), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
            if (result.Status == RateCheckStatus.Mismatch)
            {
                found.Add(new(ExceptionCodes.RateMismatch, reader.GetString(1), period,
                    $"line {reader.GetString(0)}: {result.Check.ReasonCode}: wage base {reader.GetInt64(3)} fen, employer {reader.GetInt64(4)} fen, employee {reader.GetInt64(5)} fen; {result.Check.Message}"));
            }
        }
        return found;
    }

    /// <summary>
    /// One WHERE clause per rate period: |amount − floor((base × numerator + denominator/2) / denominator)| &gt; 1,
    /// i.e. round half-up of base × rate in integers. Null when the policy has no rate at all.
    /// </summary>
    private string? RateCandidateSql()
    {
        var boundaries = policy.ContributionRate.Employer.Values.Select(v => v.From)
            .Concat(policy.ContributionRate.Employee.Values.Select(v => v.From))
            .Distinct().Order().ToList();
        var clauses = new List<string>();
        for (var i = 0; i < boundaries.Count; i++)
        {
            var from = boundaries[i];
            var employer = policy.ContributionRate.Employer.At(from);
            var employee = policy.ContributionRate.Employee.At(from);
            if (employer is null || employee is null)
            {
                continue;
            }
            var to = new[] { employer.To, employee.To, i + 1 < boundaries.Count ? boundaries[i + 1].AddDays(-1) : null }
                .Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(new DateOnly(9999, 12, 31)).Min();
            var fromPeriod = (from.Year * 100) + from.Month;
            var toPeriod = (to.Year * 100) + to.Month;
            clauses.Add(string.Create(CultureInfo.InvariantCulture,
                $"(period BETWEEN {fromPeriod} AND {toPeriod} AND ({Off("employer_amount_fen", employer.Value)} OR {Off("employee_amount_fen", employee.Value)}))"));
        }
        return clauses.Count == 0
            ? null
            : "SELECT source_record_id, uscc, period, wage_base_fen, employer_amount_fen, employee_amount_fen FROM "
              + FactsSql.LinesInForceForRateCheck(database.Provider) + " l WHERE wage_base_fen IS NOT NULL AND kind IN " + StoredLineKind.InsuredKindsSql
              + " AND " + FactsSql.NotCancelled + " AND (" + string.Join(" OR ", clauses) + ")";
    }

    private static string Off(string column, decimal rate)
    {
        var (numerator, denominator) = Fraction(rate);
        return string.Create(CultureInfo.InvariantCulture,
            $"ABS({column} - (wage_base_fen * {numerator} + {denominator / 2}) / {denominator}) > {ContributionRateCheck.ToleranceFen}");
    }

    private static (long Numerator, long Denominator) Fraction(decimal rate)
    {
        long denominator = 1;
        while (decimal.Truncate(rate * denominator) != rate * denominator)
        {
            denominator *= 10;
        }
        return ((long)(rate * denominator), denominator);
    }

    private static string Fields(int period) => Common.Validation.Fields.FormatPeriod(period);
}

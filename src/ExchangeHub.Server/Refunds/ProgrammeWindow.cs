using ExchangeHub.Policy;
using ExchangeHub.Policy.Parameters;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// A program year's refund window (<c>$.parameters.refund.window</c>) as the workflow uses it: 2.(1) "Decision (dated
/// actions)" — an offer, confirmation, waiver or application is dated inside it, else refused with
/// <see cref="RefundReasonCodes.ProgrammeEnded"/> (or <see cref="RefundReasonCodes.ProgrammeNotStarted"/>); a unit
/// that waived may apply until its last day.
/// </summary>
public static class ProgrammeWindow
{
    public static DatedValue<RefundWindow>? Of(PolicySet policy, int programYear) =>
        policy.Refund.Window.Values.FirstOrDefault(v => v.Value.ProgramYear == programYear);

    /// <summary>The last day of the year's window (the calendar year's end when the policy has no window for it).</summary>
    public static DateOnly End(PolicySet policy, int programYear) => Of(policy, programYear)?.To ?? new DateOnly(programYear, 12, 31);

    /// <summary>Refuses <paramref name="date"/> (the request's <paramref name="field"/>) outside the year's window.</summary>
    public static void Check(PolicySet policy, int programYear, DateOnly date, string field)
    {
        var window = Of(policy, programYear)
            ?? throw new ActionRefusedException($"policy {policy.Id} has no {programYear} refund programme", ErrorReasons.RefundWindowClosed,
                new Dictionary<string, string> { ["field"] = field, ["program_year"] = $"{programYear}" });
        if (window.To is { } end && date > end)
        {
            throw new ActionRefusedException(
                $"{field} {date:yyyy-MM-dd} is after the {programYear} refund programme ended on {end:yyyy-MM-dd}: no new offer, confirmation, waiver or application",
                ErrorReasons.RefundProgrammeEnded, new Dictionary<string, string> { ["field"] = field, ["ended_on"] = $"{end:yyyy-MM-dd}" });
        }
        if (date < window.From)
        {
            throw new ActionRefusedException(
                $"{field} {date:yyyy-MM-dd} is before the {programYear} refund programme opened on {window.From:yyyy-MM-dd}",
                ErrorReasons.RefundProgrammeNotStarted, new Dictionary<string, string> { ["field"] = field, ["opened_on"] = $"{window.From:yyyy-MM-dd}" });
        }
    }
}

using System.CommandLine;
using System.Globalization;
using ExchangeHub.Cli.Display;
using ExchangeHub.Cli.Reconciliation;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Grpc.Core;
using Spectre.Console;

namespace ExchangeHub.Cli.WhatIf;

/// <summary>
/// <c>exchangehub whatif --policy variant.json [--date YYYY-MM-DD] [--max-changed N] [--output table|json|csv]</c>:
/// every unit decided on the hub under its loaded policy and under the variant file, compared; the hub stores nothing.
/// A table prints the groups, the changed subjects and the totals; JSON and CSV print one list of rows (GROUP, CHANGED,
/// TOTAL) with exact fen, and nothing else. Exit 0 when the what-if completed, 1 when the hub refused it (a bad policy
/// file, another what-if going), 2 on error.
/// </summary>
public static class WhatIfCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromMinutes(30));
        var policy = new Option<FileInfo>("--policy")
        {
            HelpName = "variant.json", Required = true, Description = "the variant policy file (the hub's file format, at most 1 MiB)",
        };
        var date = new Option<string?>("--date")
        {
            HelpName = "YYYY-MM-DD", Description = "decision date the stored facts are read and decided as of (default: today, China Standard Time)",
        };
        var max = new Option<int>("--max-changed")
        {
            HelpName = "N", Description = "changed subjects to list (default 0: the hub's 1000; at most 10000); the rest are counted",
        };
        var output = new ListOutput();
        var command = new Command("whatif", "Price a variant policy file: decide every unit under it and the hub's policy, store nothing, print the difference.");
        hub.AddTo(command);
        command.Options.Add(policy);
        command.Options.Add(date);
        command.Options.Add(max);
        output.AddTo(command);
        command.SetAction((result, ct) => HubCall.RunAsync(console, hub.Read(result), async session =>
        {
            var file = result.GetValue(policy)!;
            if (!file.Exists)
            {
                console.MarkupLineInterpolated($"[red]error:[/] no policy file {file.FullName}");
                return 2;
            }
            var format = result.GetValue(output.Format);
            var client = new WhatIfService.WhatIfServiceClient(session.Channel);
            using var call = client.RunWhatIf(new RunWhatIfRequest
            {
                PolicyJson = await File.ReadAllTextAsync(file.FullName, session.Cancellation), DecisionDate = result.GetValue(date) ?? "",
                MaxChangedSubjects = result.GetValue(max),
            }, session.Call());
            // Machine formats write only the data: no progress lines.
            var progress = format == OutputFormat.Table ? new PlainProgress(console, "deciding", "subjects") : null;
            var changed = new List<WhatIfChangedSubject>();
            WhatIfSummary? summary = null;
            await foreach (var message in call.ResponseStream.ReadAllAsync(session.Cancellation))
            {
                switch (message.EventCase)
                {
                    case RunWhatIfResponse.EventOneofCase.Progress: progress?.Report(message.Progress.Done, message.Progress.Total); break;
                    case RunWhatIfResponse.EventOneofCase.ChangedSubject: changed.Add(message.ChangedSubject); break;
                    case RunWhatIfResponse.EventOneofCase.Summary: summary = message.Summary; break;
                }
            }
            if (summary is null)
            {
                console.MarkupLine("[red]error:[/] the hub ended the what-if's stream without its summary");
                return 2;
            }
            if (ListOutput.Write(console, format, Columns, Rows(summary, changed)))
            {
                Totals(console, summary);
            }
            return 0;
        }, ct));
        return command;
    }

    /// <summary>One row of the machine output (and of the table): a group, a changed subject or the totals.</summary>
    private sealed record Row(string Kind, string Programme, string Division, string SizeClass, string Subject, string BaselineOutcome,
        string VariantOutcome, int? BaselineCount, int? VariantCount, long BaselineFen, long VariantFen, string Rule, string Clause, string Reasons,
        int? BaselineMonths = null, int? VariantMonths = null)
    {
        public long DifferenceFen => VariantFen - BaselineFen;
    }

    private static IEnumerable<Row> Rows(WhatIfSummary summary, List<WhatIfChangedSubject> changed) =>
        summary.Groups.Select(g => new Row("GROUP", g.Programme, g.DivisionCode, g.SizeClass, "", g.Outcome, g.Outcome, g.BaselineCount, g.VariantCount,
                g.BaselineAmountFen, g.VariantAmountFen, "", "", ""))
            .Concat(changed.Select(c => new Row("CHANGED", c.Programme, c.DivisionCode, c.SizeClass, c.SubjectKey, c.BaselineOutcome, c.VariantOutcome,
                null, null, c.BaselineAmountFen, c.VariantAmountFen, c.RuleId, c.ClauseId,
                c.BaselineReasonCode == c.VariantReasonCode ? c.VariantReasonCode : $"{c.BaselineReasonCode} → {c.VariantReasonCode}",
                // A benefit decision grants a period, not an amount: its months (the other programmes leave the columns empty).
                c.BaselineMonths != 0 || c.VariantMonths != 0 ? c.BaselineMonths : null, c.BaselineMonths != 0 || c.VariantMonths != 0 ? c.VariantMonths : null)))
            .Append(new Row("TOTAL", "", "", "", "", "", "", summary.Subjects, summary.Subjects, summary.BaselineAmountFen, summary.VariantAmountFen,
                "", "", ""));

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(int? value) => value is { } v ? N(v) : "";

    private static readonly ListColumn<Row>[] Columns =
    [
        new("Row", "row", r => r.Kind),
        new("Programme", "programme", r => r.Programme),
        new("Division", "division_code", r => r.Division),
        new("Size", "size_class", r => r.SizeClass),
        new("Subject", "subject_key", r => r.Subject),
        new("Baseline outcome", "baseline_outcome", r => r.BaselineOutcome),
        new("Variant outcome", "variant_outcome", r => r.VariantOutcome),
        new("Baseline #", "baseline_count", r => Count(r.BaselineCount)),
        new("Variant #", "variant_count", r => Count(r.VariantCount)),
        new("Baseline (yuan)", "baseline_amount_fen", r => Yuan.Format(r.BaselineFen), r => N(r.BaselineFen)),
        new("Variant (yuan)", "variant_amount_fen", r => Yuan.Format(r.VariantFen), r => N(r.VariantFen)),
        new("Difference (yuan)", "difference_fen", r => Yuan.Format(r.DifferenceFen), r => N(r.DifferenceFen)),
        new("Rule", "rule_id", r => r.Rule),
        new("Clause", "clause_id", r => r.Clause),
        new("Reason", "reason_code", r => r.Reasons),
        new("Baseline months", "baseline_months", r => Count(r.BaselineMonths)),
        new("Variant months", "variant_months", r => Count(r.VariantMonths)),
    ];

    private static void Totals(IAnsiConsole console, WhatIfSummary s) => console.Write(Tables.Fields("What-if")
        .Row("Decision date", s.DecisionDate)
        .Row("Baseline policy", ContractText.Policy(s.BaselinePolicyId, s.BaselinePolicyVersion, s.BaselinePolicySha256))
        .Row("Variant policy", ContractText.Policy(s.VariantPolicyId, s.VariantPolicyVersion, s.VariantPolicySha256))
        .Row("Subjects", N(s.Subjects))
        .Row("Changed subjects", s.ChangedSubjectsTruncated > 0 ? $"{N(s.ChangedSubjects)} (truncated, {N(s.ChangedSubjectsTruncated)} more)" : N(s.ChangedSubjects))
        .Row("Baseline (yuan)", Yuan.Format(s.BaselineAmountFen))
        .Row("Variant (yuan)", Yuan.Format(s.VariantAmountFen))
        .Row("Difference (yuan)", Yuan.Format(s.DifferenceFen)));
}

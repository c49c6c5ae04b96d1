using System.Globalization;
using ExchangeHub.Cli.Display;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Refunds;

/// <summary>A refund decision as the operator reads it: the outcome, the rules that led to it, the earlier decisions.</summary>
public static class DecisionView
{
    public static void Write(IAnsiConsole console, RefundDecisionRecord decision, RefundState state)
    {
        var table = Tables.Fields($"Refund decision for {decision.Uscc}, programme {decision.ProgramYear.ToString(CultureInfo.InvariantCulture)}")
            .Row("Outcome", Tables.Coloured(ContractText.Name(decision.Outcome)))
            .Row("Amount", Yuan.WithFen(decision.AmountFen))
            .Row("Held amount", decision.Outcome == RefundOutcome.Held ? Yuan.WithFen(decision.HeldAmountFen) : "-")
            .Row("Rate", decision.Rate.Length > 0 ? decision.Rate : "-")
            .Row("Base", Yuan.WithFen(decision.BaseFen))
            .Row("Size class", $"{ContractText.Name(decision.SizeClass)} ({ContractText.Name(decision.SizeClassSource)})")
            .Row("Division", decision.DivisionCode)
            .Row("State", Tables.Coloured(state == RefundState.Unspecified ? "-" : ContractText.Name(state)))
            .Row("Policy", ContractText.Policy(decision.PolicyId, decision.PolicyVersion, decision.PolicySha256))
            .Row("Facts SHA-256", decision.FactsSha256)
            .Row("Decision id", decision.DecisionId.ToString(CultureInfo.InvariantCulture))
            .Row("Decision date", decision.DecisionDate)
            .Row("Knowledge time", ContractText.Time(decision.KnowledgeTime))
            .Row("Decided at", ContractText.Time(decision.DecideTime))
            .Row("Run", decision.RunId);
        if (decision.SupersedeReason.Length > 0)
        {
            table.Row("Supersede reason", decision.SupersedeReason);
        }
        console.Write(table);
        WriteRules(console, decision);
    }

    public static void WriteRules(IAnsiConsole console, RefundDecisionRecord decision)
    {
        var rules = Tables.Create("Clause", "Rule", "Result", "Reason code", "Message").Title("Explanation");
        foreach (var rule in decision.Explanation)
        {
            rules.AddRow(new Text(rule.ClauseId), new Text(rule.RuleId), Tables.Coloured(ContractText.Name(rule.Result)), new Text(rule.ReasonCode), new Text(rule.Message));
        }
        console.Write(rules);
    }

    public static void WriteHistory(IAnsiConsole console, IReadOnlyCollection<RefundDecisionRecord> history)
    {
        if (history.Count == 0)
        {
            console.MarkupLine("no earlier decisions");
            return;
        }
        // Each record says why it replaced the one before it (empty for the first decision).
        var table = Tables.Create("Decision id", "Outcome", "Amount (yuan)", "Decided at", "Supersede reason").Title("Earlier decisions (newest first)");
        foreach (var earlier in history)
        {
            table.AddRow(new Text(earlier.DecisionId.ToString(CultureInfo.InvariantCulture)), Tables.Coloured(ContractText.Name(earlier.Outcome)),
                new Text(Yuan.Format(earlier.AmountFen)), new Text(ContractText.Time(earlier.DecideTime)), new Text(earlier.SupersedeReason));
        }
        console.Write(table);
    }
}

using System.CommandLine;
using System.Globalization;
using ExchangeHub.Cli.Display;
using ExchangeHub.Cli.Reconciliation;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Grpc.Core;
using Spectre.Console;

namespace ExchangeHub.Cli.Refunds;

/// <summary>
/// <c>exchangehub decision replay [--programme refunds|skills|benefits|transfers] --decision-id N</c> (a transfer:
/// <c>--transfer-id X</c>) or <c>--program-year 2024 --all</c>: asks the hub to re-decide stored decisions at their own
/// decision date and knowledge time ("FACTS") and reports every difference. <c>--all</c> replays the current decision
/// of every unit (refunds), certificate (skills), claim (benefits) or every transfer of the year (superseded decisions:
/// one id at a time, their ids are in the programme's history). Exit 0 when every replay is identical, 1 when one
/// differs (or the hub refused the id), 2 on usage errors.
/// </summary>
public static class DecisionReplayCommand
{
    private const string Refunds = "refunds", Skills = "skills", Benefits = "benefits", Transfers = "transfers";

    /// <summary>One replay as printed, whichever programme: the contract's replay, its title and the fields naming its subject.</summary>
    private sealed record Replayed(string Title, string Subject, IReadOnlyList<(string Field, string Value)> Fields, DecisionReplay Replay);

    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromSeconds(30));
        var programme = new Option<string>("--programme", "--program")
        {
            Description = "the programme whose decisions to replay",
            DefaultValueFactory = _ => Refunds,
        };
        programme.AcceptOnlyFromAmong(Refunds, Skills, Benefits, Transfers);
        var id = new Option<long?>("--decision-id") { HelpName = "N", Description = "the stored decision to replay (refund show, the person file list the ids)" };
        var transferId = new Option<string?>("--transfer-id") { HelpName = "X", Description = "with --programme transfers: the transfer to replay" };
        var year = new Option<int>("--program-year", "--year")
        {
            Description = "with --all: program year of the refund programme; the year of the decision date (skills, benefits) or request date (transfers)",
            DefaultValueFactory = _ => ProgramYear.Default,
        };
        var all = new Option<bool>("--all") { Description = "replay the current decision of every unit, certificate, claim or transfer of the year" };
        var command = new Command("replay", "Re-decide stored decisions as the hub knew them and report every difference.");
        hub.AddTo(command);
        command.Options.Add(programme);
        command.Options.Add(id);
        command.Options.Add(transferId);
        command.Options.Add(year);
        command.Options.Add(all);
        command.SetAction(async (result, ct) =>
        {
            var (which, decisionId, transfer, every) = (result.GetValue(programme)!, result.GetValue(id), result.GetValue(transferId), result.GetValue(all));
            if (Usage(which, decisionId, transfer, every) is { } usage)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(usage)}");
                return 2;
            }
            return await HubCall.RunAsync(console, hub.Read(result), async session =>
            {
                if (!every)
                {
                    var replayed = await ReplayOneAsync(session, which, decisionId ?? 0, transfer ?? "");
                    Write(console, replayed);
                    return Summarise(console, [replayed]);
                }
                var replays = await WithProgressAsync(console, report => ReplayAllAsync(session, which, result.GetValue(year), report));
                foreach (var different in replays.Where(r => !r.Replay.Identical))
                {
                    console.WriteLine(Line(different));
                }
                return Summarise(console, replays);
            }, ct);
        });
        return command;
    }

    /// <summary>Exactly one of the key (--decision-id N &gt; 0, or --transfer-id for transfers) and --all.</summary>
    private static string? Usage(string programme, long? decisionId, string? transferId, bool all)
    {
        if (programme == Transfers)
        {
            return decisionId is not null || (transferId is null) == !all || transferId is { Length: 0 }
                ? "with --programme transfers pass either --transfer-id X or --all (with --program-year)"
                : null;
        }
        return transferId is not null || (decisionId is null) == !all || decisionId <= 0
            ? "pass either --decision-id N (N > 0) or --all (with --program-year); --transfer-id only with --programme transfers"
            : null;
    }

    private static async Task<Replayed> ReplayOneAsync(HubSession session, string programme, long decisionId, string transferId) => programme switch
    {
        Skills => Person("skill decision", "Certificate", (await new SkillSubsidyService.SkillSubsidyServiceClient(session.Channel)
            .ReplaySkillDecisionAsync(new ReplaySkillDecisionRequest { DecisionId = decisionId }, session.Call())).Replay),
        Benefits => Person("benefit decision", "Claim", (await new BenefitClaimService.BenefitClaimServiceClient(session.Channel)
            .ReplayBenefitDecisionAsync(new ReplayBenefitDecisionRequest { DecisionId = decisionId }, session.Call())).Replay),
        Transfers => Person("transfer", "Transfer", (await new TransferService.TransferServiceClient(session.Channel)
            .ReplayTransferDecisionAsync(new ReplayTransferDecisionRequest { TransferId = transferId }, session.Call())).Replay),
        _ => Refund((await new RefundService.RefundServiceClient(session.Channel)
            .ReplayRefundDecisionAsync(new ReplayRefundDecisionRequest { DecisionId = decisionId }, session.Call())).Replay),
    };

    /// <summary>Every current decision of the programme; <paramref name="report"/> gets (done, total) after each.</summary>
    private static async Task<List<Replayed>> ReplayAllAsync(HubSession session, string programme, int year, Action<int, int> report)
    {
        // A stream of every decision has no deadline of its own: it ends when the last is replayed, or on Ctrl-C.
        var stream = new CallOptions(cancellationToken: session.Cancellation);
        switch (programme)
        {
            case Skills:
                using (var call = new SkillSubsidyService.SkillSubsidyServiceClient(session.Channel)
                           .ReplaySkillDecisions(new ReplaySkillDecisionsRequest { Year = year }, stream))
                {
                    return await ReadAsync(call.ResponseStream, r => (Person("skill decision", "Certificate", r.Replay), r.Total), report, session);
                }
            case Benefits:
                using (var call = new BenefitClaimService.BenefitClaimServiceClient(session.Channel)
                           .ReplayBenefitDecisions(new ReplayBenefitDecisionsRequest { Year = year }, stream))
                {
                    return await ReadAsync(call.ResponseStream, r => (Person("benefit decision", "Claim", r.Replay), r.Total), report, session);
                }
            case Transfers:
                using (var call = new TransferService.TransferServiceClient(session.Channel)
                           .ReplayTransferDecisions(new ReplayTransferDecisionsRequest { Year = year }, stream))
                {
                    return await ReadAsync(call.ResponseStream, r => (Person("transfer", "Transfer", r.Replay), r.Total), report, session);
                }
        }
        var client = new RefundService.RefundServiceClient(session.Channel);
        var ids = await CurrentRefundDecisionIdsAsync(client, session, year);
        var replays = new List<Replayed>(ids.Count);
        foreach (var id in ids)
        {
            replays.Add(Refund((await client.ReplayRefundDecisionAsync(new ReplayRefundDecisionRequest { DecisionId = id }, session.Call())).Replay));
            report(replays.Count, ids.Count);
        }
        return replays;
    }

    private static async Task<List<Replayed>> ReadAsync<T>(IAsyncStreamReader<T> responses, Func<T, (Replayed Replayed, int Total)> read,
        Action<int, int> report, HubSession session)
    {
        var replays = new List<Replayed>();
        var total = 0;
        while (await responses.MoveNext(session.Cancellation))
        {
            var (replayed, of) = read(responses.Current);
            replays.Add(replayed);
            total = of;
            report(replays.Count, total);
        }
        report(replays.Count, Math.Max(total, replays.Count));
        return replays;
    }

    private static async Task<List<long>> CurrentRefundDecisionIdsAsync(RefundService.RefundServiceClient client, HubSession session, int programYear)
    {
        var (decisions, _) = await Pages.ReadAsync(all: true, async token =>
        {
            var page = await client.ListRefundDecisionsAsync(new ListRefundDecisionsRequest { ProgramYear = programYear, PageSize = 1000, PageToken = token },
                session.Call());
            return (page.Decisions.Select(d => d.DecisionId), page.NextPageToken);
        });
        return decisions;
    }

    private static async Task<List<Replayed>> WithProgressAsync(IAnsiConsole console, Func<Action<int, int>, Task<List<Replayed>>> replay)
    {
        if (console.Profile.Capabilities is not { Interactive: true, Ansi: true })
        {
            var plain = new PlainProgress(console, "replaying", "decisions");
            return await replay(plain.Report);
        }
        List<Replayed> result = [];
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("replaying", maxValue: 1);
                result = await replay((done, total) => (task.MaxValue, task.Value) = (Math.Max(total, 1), done));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return result;
    }

    /// <summary>A refund replay in the shape every programme prints (its unit and program year as the subject).</summary>
    private static Replayed Refund(DecisionReplay r) => new(
        string.Create(CultureInfo.InvariantCulture, $"Replay of refund decision {r.DecisionId}"), r.Reference,
        [("USCC", r.Reference), ("Program year", r.ProgramYear.ToString(CultureInfo.InvariantCulture))], r);

    /// <summary>An outcome of the replay's programme by its short name (ELIGIBLE, GRANTED, ACCEPTED); "-" when none.</summary>
    private static string Outcome(DecisionOutcome? outcome) => outcome?.OutcomeCase switch
    {
        DecisionOutcome.OutcomeOneofCase.Refund => ContractText.Name(outcome.Refund),
        DecisionOutcome.OutcomeOneofCase.Skill => ContractText.Name(outcome.Skill),
        DecisionOutcome.OutcomeOneofCase.Benefit => ContractText.Name(outcome.Benefit),
        DecisionOutcome.OutcomeOneofCase.Transfer => ContractText.Name(outcome.Transfer),
        _ => "-",
    };

    private static Replayed Person(string what, string reference, DecisionReplay r) => new(
        r.DecisionId > 0 ? string.Create(CultureInfo.InvariantCulture, $"Replay of {what} {r.DecisionId}") : $"Replay of {what} {r.Reference}",
        $"{r.Reference}, person {r.PersonKey}", [(reference, r.Reference), ("Person key", r.PersonKey)], r);

    private static void Write(IAnsiConsole console, Replayed replayed)
    {
        var r = replayed.Replay;
        var table = Tables.Fields(replayed.Title);
        if (r.DecisionId > 0)
        {
            table.Row("Decision id", r.DecisionId.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var (field, value) in replayed.Fields)
        {
            table.Row(field, value);
        }
        console.Write(table
            .Row("Decision date", r.DecisionDate)
            .Row("Knowledge time", ContractText.Time(r.KnowledgeTime))
            .Row("Identical", r.Identical ? "yes" : "no")
            .Row("Difference", r.Difference)
            .Row("Outcome", $"{Outcome(r.StoredOutcome)} → {Outcome(r.ReplayedOutcome)}")
            .Row($"Amount ({r.AmountUnit})", string.Create(CultureInfo.InvariantCulture, $"{r.StoredAmount} → {r.ReplayedAmount}"))
            .Row("Stored facts", r.StoredFactsSha256)
            .Row("Replayed facts", r.ReplayedFactsSha256)
            .Row("Stored policy", ContractText.Policy(r.PolicyId, r.StoredPolicyVersion, r.StoredPolicySha256))
            .Row("Replayed policy", ContractText.Policy(r.PolicyId, r.ReplayedPolicyVersion, r.ReplayedPolicySha256)));
        if (!r.Identical)
        {
            console.WriteLine(Line(replayed));
        }
    }

    private static string Line(Replayed replayed)
    {
        var r = replayed.Replay;
        var what = r.DecisionId > 0 ? string.Create(CultureInfo.InvariantCulture, $"decision {r.DecisionId}") : $"transfer {r.Reference}";
        return $"{what} ({replayed.Subject}, D {r.DecisionDate}): {r.Difference}";
    }

    private static int Summarise(IAnsiConsole console, List<Replayed> replays)
    {
        var identical = replays.Count(r => r.Replay.Identical);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{replays.Count} replayed, {identical} identical, {replays.Count - identical} different"));
        return identical == replays.Count ? 0 : 1;
    }
}

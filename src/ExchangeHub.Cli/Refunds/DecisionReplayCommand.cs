using System.CommandLine;
using System.Globalization;
using ExchangeHub.Cli.Display;
using ExchangeHub.Cli.Reconciliation;
using ExchangeHub.Cli.Remote;
using ExchangeHub.V1;
using Spectre.Console;

namespace ExchangeHub.Cli.Refunds;

/// <summary>
/// <c>exchangehub decision replay --decision-id N</c> or <c>--program-year 2024 --all</c>: asks the hub to re-decide
/// stored refund decisions at their own decision date and knowledge time ("FACTS") and reports every difference.
/// <c>--all</c> replays the current decision of every unit of the programme (superseded decisions: one id at a time,
/// their ids are in <c>refund show</c>'s history). Exit 0 when every replay is identical, 1 when one differs (or the
/// hub refused the id), 2 on usage errors.
/// </summary>
public static class DecisionReplayCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromSeconds(30));
        var id = new Option<long?>("--decision-id") { HelpName = "N", Description = "the stored decision to replay (refund show lists the ids)" };
        var year = new Option<int>("--program-year", "--year")
        {
            Description = "with --all: program year of the refund programme",
            DefaultValueFactory = _ => ProgramYear.Default,
        };
        var all = new Option<bool>("--all") { Description = "replay the current decision of every unit of the programme" };
        var command = new Command("replay", "Re-decide stored refund decisions as the hub knew them and report every difference.");
        hub.AddTo(command);
        command.Options.Add(id);
        command.Options.Add(year);
        command.Options.Add(all);
        command.SetAction(async (result, ct) =>
        {
            var (decisionId, every) = (result.GetValue(id), result.GetValue(all));
            if ((decisionId is null) == !every || decisionId <= 0) // exactly one of the two
            {
                console.MarkupLine("[red]error:[/] pass either --decision-id N (N > 0) or --all (with --program-year)");
                return 2;
            }
            return await HubCall.RunAsync(console, hub.Read(result), async session =>
            {
                var client = new RefundService.RefundServiceClient(session.Channel);
                if (decisionId is { } one)
                {
                    var replayed = await client.ReplayRefundDecisionAsync(new ReplayRefundDecisionRequest { DecisionId = one }, session.Call());
                    Write(console, replayed);
                    return Summarise(console, [replayed]);
                }
                var ids = await CurrentDecisionIdsAsync(client, session, result.GetValue(year));
                var replays = await ReplayAllAsync(console, client, session, ids);
                foreach (var different in replays.Where(r => !r.Identical))
                {
                    console.WriteLine(Line(different));
                }
                return Summarise(console, replays);
            }, ct);
        });
        return command;
    }

    private static async Task<List<long>> CurrentDecisionIdsAsync(RefundService.RefundServiceClient client, HubSession session, int programYear)
    {
        var (decisions, _) = await Pages.ReadAsync(all: true, async token =>
        {
            var page = await client.ListRefundDecisionsAsync(new ListRefundDecisionsRequest { ProgramYear = programYear, PageSize = 1000, PageToken = token },
                session.Call());
            return (page.Decisions.Select(d => d.DecisionId), page.NextPageToken);
        });
        return decisions;
    }

    private static async Task<List<ReplayRefundDecisionResponse>> ReplayAllAsync(IAnsiConsole console, RefundService.RefundServiceClient client,
        HubSession session, List<long> ids)
    {
        async Task<List<ReplayRefundDecisionResponse>> Replay(Action<int> report)
        {
            var replays = new List<ReplayRefundDecisionResponse>(ids.Count);
            foreach (var id in ids)
            {
                replays.Add(await client.ReplayRefundDecisionAsync(new ReplayRefundDecisionRequest { DecisionId = id }, session.Call()));
                report(replays.Count);
            }
            return replays;
        }

        if (console.Profile.Capabilities is not { Interactive: true, Ansi: true })
        {
            var plain = new PlainProgress(console, "replaying", "decisions");
            return await Replay(done => plain.Report(done, ids.Count));
        }
        List<ReplayRefundDecisionResponse> result = [];
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("replaying", maxValue: Math.Max(ids.Count, 1));
                result = await Replay(done => task.Value = done);
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return result;
    }

    private static void Write(IAnsiConsole console, ReplayRefundDecisionResponse r)
    {
        console.Write(Tables.Fields($"Replay of refund decision {r.DecisionId}")
            .Row("Decision id", r.DecisionId.ToString(CultureInfo.InvariantCulture))
            .Row("USCC", r.Uscc)
            .Row("Program year", r.ProgramYear.ToString(CultureInfo.InvariantCulture))
            .Row("Decision date", r.DecisionDate)
            .Row("Knowledge time", r.KnowledgeTime.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Row("Identical", r.Identical ? "yes" : "no")
            .Row("Difference", r.Difference)
            .Row("Outcome", $"{r.StoredOutcome} → {r.ReplayedOutcome}")
            .Row("Amount (fen)", string.Create(CultureInfo.InvariantCulture, $"{r.StoredAmountFen} → {r.ReplayedAmountFen}"))
            .Row("Stored facts", r.StoredFactsSha256)
            .Row("Replayed facts", r.ReplayedFactsSha256)
            .Row("Stored policy", r.StoredPolicy)
            .Row("Replayed policy", r.ReplayedPolicy));
        if (!r.Identical)
        {
            console.WriteLine(Line(r));
        }
    }

    private static string Line(ReplayRefundDecisionResponse r) =>
        string.Create(CultureInfo.InvariantCulture, $"decision {r.DecisionId} ({r.Uscc}, D {r.DecisionDate}): {r.Difference}");

    private static int Summarise(IAnsiConsole console, List<ReplayRefundDecisionResponse> replays)
    {
        var identical = replays.Count(r => r.Identical);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{replays.Count} replayed, {identical} identical, {replays.Count - identical} different"));
        return identical == replays.Count ? 0 : 1;
    }
}

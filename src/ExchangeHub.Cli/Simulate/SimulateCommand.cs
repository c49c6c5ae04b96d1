using System.CommandLine;
using System.Diagnostics;
using ExchangeHub.Cli.Remote;
using ExchangeHub.Policy;
using ExchangeHub.Synthetic;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;

namespace ExchangeHub.Cli.Simulate;

/// <summary>
/// <c>exchangehub simulate [--units N] [--persons N] [--year Y] [--seed S]</c>: generates a deterministic synthetic
/// exchange and pushes it into the running hub through the agencies' own feeds — units, contribution lines and
/// settlements, transfer requests, certificates and training subsidies, then the late pass. Exit 0 when every record
/// was stored (accepted, duplicate or corrected), 1 when the hub rejected any (the first are printed), 2 on error.
/// </summary>
public static class SimulateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var hub = new HubConnectionOptions(TimeSpan.FromHours(1));
        var tokens = new FeedTokens();
        var units = new Option<int>("--units") { HelpName = "N", Description = "units (employers)", DefaultValueFactory = _ => SimulationScale.DefaultUnits };
        var persons = new Option<int>("--persons") { HelpName = "N", Description = "insured persons", DefaultValueFactory = _ => SimulationScale.DefaultPersons };
        var year = new Option<int>("--year")
        {
            HelpName = "YYYY",
            Description = "refund programme year Y: contribution lines and settlements of Y-1 (the assessment year), late lines, transfers and certificates in Y",
            DefaultValueFactory = _ => SimulationScale.DefaultProgrammeYear,
        };
        var seed = new Option<ulong>("--seed") { HelpName = "N", Description = "seed: the same seed gives the same records", DefaultValueFactory = _ => SimulationScale.DefaultSeed };
        var batchSize = new Option<int>("--batch-size") { HelpName = "N", Description = "records per stream message (1 to 10,000; also kept under 4 MiB)", DefaultValueFactory = _ => 5_000 };
        batchSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--batch-size must be between 1 and 10000");
            }
        });
        var command = new Command("simulate", "Push a deterministic synthetic year of data into the hub through the agencies' feeds (see docs/simulate.md).");
        hub.AddTo(command);
        tokens.AddTo(command);
        foreach (var option in new Option[] { units, persons, year, seed, batchSize })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, ct) =>
        {
            var scale = new SimulationScale(result.GetValue(units), result.GetValue(persons), result.GetValue(year), result.GetValue(seed));
            if (scale.Problem(TimeProvider.System.ChinaToday()) is { } problem)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {problem}");
                return 2;
            }
            var endpoint = hub.Read(result);
            var agencies = tokens.Read(result, endpoint);
            return await HubCall.RunAsync(console, endpoint, session => RunAsync(console, scale, agencies, session, result.GetValue(batchSize)), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, SimulationScale scale, IReadOnlyDictionary<FeedAgency, HubEndpoint> agencies,
        HubSession session, int batchSize)
    {
        var data = SyntheticDataset.Create(scale);
        SimulationReport.WritePlan(console, data);
        var channels = new Dictionary<FeedAgency, GrpcChannel>();
        try
        {
            foreach (var (agency, endpoint) in agencies)
            {
                channels[agency] = endpoint.OpenChannel();
            }
            var pusher = new StepPusher(data, channels, session, batchSize);
            var clock = Stopwatch.StartNew();
            var outcomes = console.Profile.Capabilities is { Interactive: true, Ansi: true }
                ? await PushWithProgressBarsAsync(console, data, pusher)
                : await PushAllAsync(data, pusher, new PlainSimulationProgress(console));
            if (outcomes is null)
            {
                return 2;
            }
            SimulationReport.WriteSummary(console, outcomes, clock.Elapsed);
            return outcomes.Any(o => o.Rejected > 0) ? 1 : 0;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated && ex.Data["step"] is SimulationStep step)
        {
            var agency = FeedAgency.Of(step.Feed);
            console.MarkupLineInterpolated($"[red]error:[/] {SimulationReport.Name(step)}: the hub answered {StatusName.Of(ex.StatusCode)}: {ex.Status.Detail}");
            console.MarkupLineInterpolated($"[grey]pass {agency.Option} (env {agency.EnvironmentVariable}) with the token of an agency that has the {agency.Role} role[/]");
            return 2;
        }
        finally
        {
            foreach (var channel in channels.Values)
            {
                channel.Dispose();
            }
        }
    }

    private static async Task<List<StepOutcome>?> PushWithProgressBarsAsync(IAnsiConsole console, SyntheticDataset data, StepPusher pusher)
    {
        List<StepOutcome>? outcomes = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = data.Steps.ToDictionary(s => s, s => progress.AddTask(SimulationReport.Name(s), autoStart: false, maxValue: Math.Max(s.Records, 1)));
                outcomes = await PushAllAsync(data, pusher, new BarSimulationProgress(tasks), step => tasks[step].StartTask());
            });
        return outcomes;
    }

    private static async Task<List<StepOutcome>> PushAllAsync(SyntheticDataset data, StepPusher pusher, ISimulationProgress progress,
        Action<SimulationStep>? starting = null)
    {
        var outcomes = new List<StepOutcome>();
        var corrected = new Lazy<IReadOnlySet<string>>(data.CorrectedSourceIds);
        foreach (var step in data.Steps)
        {
            starting?.Invoke(step);
            long done = 0;
            progress.Sent(step, 0);
            try
            {
                var summary = await pusher.PushAsync(step, n => progress.Sent(step, done += n));
                progress.Sent(step, step.Records);
                outcomes.Add(StepOutcome.Of(step, summary, () => corrected.Value));
            }
            catch (RpcException ex)
            {
                ex.Data["step"] = step;
                throw;
            }
        }
        return outcomes;
    }
}

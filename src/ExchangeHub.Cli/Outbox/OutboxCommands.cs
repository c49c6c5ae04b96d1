using System.CommandLine;
using ExchangeHub.AuditLog;
using Spectre.Console;

namespace ExchangeHub.Cli.Outbox;

/// <summary>
/// <c>exchangehub outbox parked | retry &lt;id&gt;|--all | release &lt;id&gt;</c>: the events the relay gave up on, and what an
/// operator does about them. Exit code 0 on success, 1 when the row is not parked (nothing changed; <c>--all</c>: none
/// was), 2 on error.
/// </summary>
public static class OutboxCommands
{
    public static Command Create(IAnsiConsole console)
    {
        var group = new Command("outbox", "Events the relay parked (too many failed publishes, or a payload it cannot publish).");
        group.Subcommands.Add(Parked(console));
        group.Subcommands.Add(Act(console, "retry", "Un-park a row (attempts reset): the relay publishes it, then its subject's later events. "
            + "--all: every parked row (after a long broker outage), one audit entry each.",
            (admin, id, actor, ct) => admin.RetryAsync(id, actor, ct), (admin, actor, ct) => admin.RetryAllAsync(actor, ct)));
        group.Subcommands.Add(Act(console, "release", "Give a parked row up: it is never published and its subject's later events go on.",
            (admin, id, actor, ct) => admin.ReleaseAsync(id, actor, ct)));
        return group;
    }

    private static Command Parked(IAnsiConsole console)
    {
        var database = new DatabaseOptions();
        var command = new Command("parked", "List the parked rows: id, subject, type, attempts, error.");
        database.AddTo(command);
        command.SetAction(async (result, ct) => await Guarded(console, async () =>
        {
            var rows = await new OutboxAdmin(database.Read(result), TimeProvider.System).ParkedAsync(ct);
            if (rows.Count == 0)
            {
                console.MarkupLine("no parked events");
                return 0;
            }
            var table = new Table().AddColumns("Id", "Subject", "Type", "Attempts", "Parked at", "Error");
            foreach (var row in rows)
            {
                table.AddRow(Markup.Escape(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Markup.Escape(row.Subject),
                    Markup.Escape(row.Type), row.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    row.ParkedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(row.Error));
            }
            console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Act(IAnsiConsole console, string name, string description,
        Func<OutboxAdmin, long, string, CancellationToken, Task<ParkedEvent?>> act,
        Func<OutboxAdmin, string, CancellationToken, Task<IReadOnlyList<ParkedEvent>>>? actOnAll = null)
    {
        var database = new DatabaseOptions();
        var id = new Argument<long?>("id") { Description = "the parked row's id (from exchangehub outbox parked)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = $"{name} every parked row" };
        var actor = new Option<string>("--operator")
        {
            Description = "who acts, recorded in the audit trail (default: the OS user)",
            DefaultValueFactory = _ => "operator:" + Environment.UserName,
        };
        var command = new Command(name, description);
        command.Arguments.Add(id);
        command.Options.Add(actor);
        if (actOnAll is not null)
        {
            command.Options.Add(all);
        }
        database.AddTo(command);
        command.SetAction(async (result, ct) => await Guarded(console, async () =>
        {
            var everyRow = actOnAll is not null && result.GetValue(all);
            if (everyRow == result.GetValue(id).HasValue)
            {
                console.MarkupLineInterpolated($"[red]error:[/] give the parked row's id{(actOnAll is null ? "" : " or --all, not both")}");
                return 2;
            }
            var admin = new OutboxAdmin(database.Read(result), TimeProvider.System);
            if (everyRow)
            {
                var rows = await actOnAll!(admin, result.GetValue(actor)!, ct);
                if (rows.Count == 0)
                {
                    console.MarkupLine("no parked events; nothing changed");
                    return 1;
                }
                var ids = string.Join(", ", rows.Take(20).Select(r => r.Id)) + (rows.Count > 20 ? $", … {rows.Count - 20} more" : "");
                console.MarkupLineInterpolated($"[green]OK[/] {rows.Count} outbox rows ({ids}): {name} recorded in the audit trail, one entry each");
                return 0;
            }
            var row = await act(admin, result.GetValue(id)!.Value, result.GetValue(actor)!, ct);
            if (row is null)
            {
                console.MarkupLineInterpolated($"[red]not parked:[/] outbox row {result.GetValue(id)} is not a parked event; nothing changed");
                return 1;
            }
            console.MarkupLineInterpolated($"[green]OK[/] outbox row {row.Id} ({row.Type}, subject {row.Subject}): {name} recorded in the audit trail");
            return 0;
        }));
        return command;
    }

    private static async Task<int> Guarded(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 2;
        }
    }
}

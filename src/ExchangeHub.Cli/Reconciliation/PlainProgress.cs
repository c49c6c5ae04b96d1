using Spectre.Console;

namespace ExchangeHub.Cli.Reconciliation;

/// <summary>Progress for output that is not a terminal (a file, a log): one line per tenth of the work, e.g. "reconciling: 5/10 units (50%)".</summary>
public sealed class PlainProgress(IAnsiConsole console, string doing = "reconciling", string items = "units")
{
    private int _tenths = -1;

    public void Report(int done, int total)
    {
        if (total <= 0)
        {
            return;
        }
        var tenths = (int)(Math.Clamp(done, 0, total) * 10L / total);
        if (tenths > _tenths)
        {
            _tenths = tenths;
            console.MarkupLineInterpolated($"{doing}: {done}/{total} {items} ({tenths * 10}%)");
        }
    }
}

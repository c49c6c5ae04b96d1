using ExchangeHub.Synthetic;
using Spectre.Console;

namespace ExchangeHub.Cli.Simulate;

/// <summary>Progress for output that is not a terminal (a file, a log): one line per tenth of each step.</summary>
public sealed class PlainSimulationProgress(IAnsiConsole console) : ISimulationProgress
{
    private readonly Dictionary<SimulationStep, int> _tenths = [];

    public void Sent(SimulationStep step, long done)
    {
        var tenths = step.Records == 0 ? 10 : (int)(Math.Clamp(done, 0, step.Records) * 10 / step.Records);
        if (tenths > _tenths.GetValueOrDefault(step, -1))
        {
            _tenths[step] = tenths;
            console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"simulating: {SimulationReport.Name(step)}: {done:N0}/{step.Records:N0} records ({tenths * 10}%)"));
        }
    }
}

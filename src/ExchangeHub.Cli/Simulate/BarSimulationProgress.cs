using ExchangeHub.Synthetic;
using Spectre.Console;

namespace ExchangeHub.Cli.Simulate;

/// <summary>Progress bars on a terminal, one task per step.</summary>
public sealed class BarSimulationProgress(IReadOnlyDictionary<SimulationStep, ProgressTask> tasks) : ISimulationProgress
{
    public void Sent(SimulationStep step, long done)
    {
        var task = tasks[step];
        task.Value = step.Records == 0 ? 1 : done;
        if (done >= step.Records)
        {
            task.StopTask();
        }
    }
}

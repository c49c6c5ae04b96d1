using ExchangeHub.Synthetic;

namespace ExchangeHub.Cli.Simulate;

/// <summary>How far each push is: a Spectre progress bar per step on a terminal, plain lines otherwise.</summary>
public interface ISimulationProgress
{
    void Sent(SimulationStep step, long done);
}

namespace ExchangeHub.Synthetic;

/// <summary>One push of the simulation: a feed in a pass, and how many records it sends.</summary>
public sealed record SimulationStep(SimulatedFeed Feed, SimulationPass Pass, long Records);

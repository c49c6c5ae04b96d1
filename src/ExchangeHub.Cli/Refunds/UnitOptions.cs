using System.CommandLine;

namespace ExchangeHub.Cli.Refunds;

/// <summary>Which unit and which refund programme: <c>--uscc</c> and <c>--year</c>.</summary>
public sealed class UnitOptions
{
    public Option<string> Uscc { get; } = new("--uscc") { Description = "the unit's unified social credit code", Required = true };

    public Option<int> Year { get; } = ProgramYear.Create();

    public void AddTo(Command command)
    {
        command.Options.Add(Uscc);
        command.Options.Add(Year);
    }
}

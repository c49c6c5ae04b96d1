using System.CommandLine;

namespace ExchangeHub.Cli.Refunds;

/// <summary><c>--year</c>: the refund programme, 2024 (the notice this hub implements) unless told otherwise.</summary>
public static class ProgramYear
{
    public const int Default = 2024;

    public static Option<int> Create() => new("--year")
    {
        Description = "program year of the refund programme",
        DefaultValueFactory = _ => Default,
    };
}

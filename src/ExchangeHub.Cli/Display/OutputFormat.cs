namespace ExchangeHub.Cli.Display;

/// <summary><c>--output</c> of the list commands: a table for people, JSON or CSV for programs (README "Operator's tool").</summary>
public enum OutputFormat
{
    Table,
    Json,
    Csv,
}

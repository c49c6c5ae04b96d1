using ExchangeHub.Cli;

namespace ExchangeHub.Server.Tests.Cli;

/// <summary>Runs the CLI into a string and reads the cells of its tables back.</summary>
public static class CliOutput
{
    private static readonly char[] Borders = ['│', '|'];

    public static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        var exit = await CliApp.InvokeAsync(args, output);
        return (exit, output.ToString());
    }

    /// <summary>The trimmed cells of every table row.</summary>
    public static IEnumerable<string[]> Rows(string output) => output.Split('\n')
        .Where(line => line.TrimStart().StartsWith('│'))
        .Select(line => line.Trim().Trim(Borders).Split(Borders).Select(c => c.Trim()).ToArray());

    /// <summary>The value of a "field │ value" row; fails the test when there is none.</summary>
    public static string Field(string output, string field) =>
        Rows(output).FirstOrDefault(r => r.Length == 2 && r[0] == field)?[1]
        ?? throw new Xunit.Sdk.XunitException($"no row '{field}' in:\n{output}");
}

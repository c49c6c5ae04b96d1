using Spectre.Console;
using Spectre.Console.Rendering;

namespace ExchangeHub.Cli.Display;

/// <summary>
/// One column of a list: its table header and cell for people, and its machine key and value for <c>--output json|csv</c>
/// (machine values are exact: fen, not formatted yuan).
/// </summary>
public sealed record ListColumn<T>(string Header, string Key, Func<T, string> Value, Func<T, string>? Machine = null,
    Func<string, IRenderable>? Style = null)
{
    public string MachineValue(T item) => (Machine ?? Value)(item);

    public IRenderable Cell(T item) => Style is null ? new Text(Value(item)) : Style(Value(item));
}

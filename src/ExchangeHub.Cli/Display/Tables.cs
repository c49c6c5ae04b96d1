using Spectre.Console;
using Spectre.Console.Rendering;

namespace ExchangeHub.Cli.Display;

/// <summary>Tables whose cells are plain text: values from the hub are never read as Spectre markup.</summary>
public static class Tables
{
    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }
        return table;
    }

    /// <summary>A two-column "field: value" table without headers.</summary>
    public static Table Fields(string title)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().Title(new TableTitle(Markup.Escape(title)));
        table.AddColumn("field");
        table.AddColumn("value");
        return table;
    }

    public static Table Row(this Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());

    public static Table Row(this Table table, string field, IRenderable value) => table.AddRow(new Text(field), value);

    /// <summary>An outcome or rule result in its colour: green passed/eligible, red failed/ineligible, yellow otherwise.</summary>
    public static IRenderable Coloured(string value) => new Text(value, new Style(value switch
    {
        "PASSED" or "ELIGIBLE" or "OFFERED" or "DISBURSEMENT_APPROVED" or "COMPLETED" => Color.Green,
        "FAILED" or "INELIGIBLE" => Color.Red,
        _ => Color.Yellow,
    }));
}

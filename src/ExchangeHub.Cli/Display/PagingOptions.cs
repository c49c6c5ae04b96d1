using System.CommandLine;

namespace ExchangeHub.Cli.Display;

/// <summary><c>--all</c> and <c>--page-size</c> of the list commands.</summary>
public sealed class PagingOptions
{
    public Option<bool> All { get; } = new("--all") { Description = "every page, not just the first" };

    public Option<int> PageSize { get; } = new("--page-size")
    {
        HelpName = "rows",
        Description = "rows per page, 1 to 1000",
        DefaultValueFactory = _ => 100,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(All);
        command.Options.Add(PageSize);
        PageSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                r.AddError("--page-size must be 1 to 1000");
            }
        });
    }
}

namespace ExchangeHub.Cli.Display;

/// <summary>Reads paged lists: the first page, or every page with <c>--all</c>.</summary>
public static class Pages
{
    public static async Task<(List<T> Items, bool More)> ReadAsync<T>(bool all, Func<string, Task<(IEnumerable<T> Items, string Next)>> fetch)
    {
        var items = new List<T>();
        var token = "";
        do
        {
            var (page, next) = await fetch(token);
            items.AddRange(page);
            token = next;
        }
        while (all && token.Length > 0);
        return (items, token.Length > 0);
    }
}

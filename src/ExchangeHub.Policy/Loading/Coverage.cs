using ExchangeHub.Policy.Parameters;

namespace ExchangeHub.Policy.Loading;

/// <summary>A programme's parameters must have a value on every day of its window, so a decision never lacks one.</summary>
internal static class Coverage
{
    public static void Require<TWindow, T>(DatedSeries<TWindow> window, DatedSeries<T> parameter, Func<TWindow, bool>? isOpen = null)
    {
        for (var i = 0; i < window.Values.Count; i++)
        {
            var period = window.Values[i];
            if ((isOpen is null || isOpen(period.Value)) && !parameter.CoversPeriod(period.From, period.To))
            {
                throw new PolicyValidationException(
                    parameter.Path,
                    $"has no value for part of {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd} ({window.Path}[{i}])");
            }
        }
    }
}

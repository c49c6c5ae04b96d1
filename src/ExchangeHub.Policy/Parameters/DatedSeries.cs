namespace ExchangeHub.Policy.Parameters;

/// <summary>
/// A parameter as a series of dated values, like an OpenFisca parameter: the periods neither overlap nor leave gaps
/// (the loader checks it). Outside every period the parameter has no value: decisions then say so instead of guessing.
/// </summary>
public sealed class DatedSeries<T>
{
    public DatedSeries(string path, IReadOnlyList<DatedValue<T>> values)
    {
        Path = path;
        Values = values;
    }

    /// <summary>The JSON path of the parameter in the policy file, e.g. <c>$.parameters.refund.rates</c>.</summary>
    public string Path { get; }

    public IReadOnlyList<DatedValue<T>> Values { get; }

    public DatedValue<T>? At(DateOnly date)
    {
        foreach (var value in Values)
        {
            if (value.Covers(date))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>True when every day of <paramref name="from"/>..<paramref name="to"/> has a value.</summary>
    public bool CoversPeriod(DateOnly from, DateOnly? to)
    {
        var day = from;
        foreach (var value in Values)
        {
            if (!value.Covers(day))
            {
                continue;
            }

            if (value.To is null || (to is not null && value.To.Value >= to.Value))
            {
                return true;
            }

            day = value.To.Value.AddDays(1);
        }

        return false;
    }
}

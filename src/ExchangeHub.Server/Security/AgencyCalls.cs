using ExchangeHub.Server.Configuration;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Security;

/// <summary>
/// The calls each authenticated agency has open in this process, capped at <c>Hub:Limits:MaxStreamsPerAgency</c>:
/// one agency (or one stolen token) opening thousands of streams cannot take the hub from the others.
/// </summary>
public sealed class AgencyCalls(IOptions<HubOptions> options)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Limit { get; } = options.Value.Limits.MaxStreamsPerAgency;

    /// <summary>Counts one more call of <paramref name="agency"/>; false when it already has <see cref="Limit"/> open.</summary>
    public bool TryEnter(string agency)
    {
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(agency);
            if (open >= Limit)
            {
                return false;
            }
            _open[agency] = open + 1;
            return true;
        }
    }

    public void Leave(string agency)
    {
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(agency) - 1;
            if (open > 0)
            {
                _open[agency] = open;
            }
            else
            {
                _open.Remove(agency);
            }
        }
    }

    /// <summary>The calls <paramref name="agency"/> has open now.</summary>
    public int Open(string agency)
    {
        lock (_lock)
        {
            return _open.GetValueOrDefault(agency);
        }
    }
}

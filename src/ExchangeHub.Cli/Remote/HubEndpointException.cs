namespace ExchangeHub.Cli.Remote;

/// <summary>The connection options cannot work (a bad address, a missing or unreadable certificate).</summary>
public sealed class HubEndpointException : Exception
{
    public HubEndpointException()
    {
    }

    public HubEndpointException(string message) : base(message)
    {
    }

    public HubEndpointException(string message, Exception inner) : base(message, inner)
    {
    }
}

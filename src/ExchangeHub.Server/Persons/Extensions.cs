namespace ExchangeHub.Server.Persons;

/// <summary>
/// Registers the person view. Its content comes from every programme's <see cref="Common.IPersonFileSection"/>
/// (benefit claims, transfers, skill subsidies), registered by those programmes.
/// </summary>
public static class Extensions
{
    public static IEndpointRouteBuilder MapPersons(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PersonGrpcService>();
        return endpoints;
    }
}

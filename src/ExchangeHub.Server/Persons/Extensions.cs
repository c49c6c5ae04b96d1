namespace ExchangeHub.Server.Persons;

/// <summary>Registers the person view across claims, transfers and skill subsidies (its readers come with those features).</summary>
public static class Extensions
{
    public static IEndpointRouteBuilder MapPersons(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PersonGrpcService>();
        return endpoints;
    }
}

using System.Text;
using Grpc.Core;

namespace ExchangeHub.Cli.Remote;

/// <summary>A gRPC status code as the specification spells it (<c>FAILED_PRECONDITION</c>), the name operators search for.</summary>
public static class StatusName
{
    public static string Of(StatusCode code)
    {
        var name = code.ToString();
        var spelled = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                spelled.Append('_');
            }
            spelled.Append(char.ToUpperInvariant(name[i]));
        }
        return spelled.ToString();
    }
}

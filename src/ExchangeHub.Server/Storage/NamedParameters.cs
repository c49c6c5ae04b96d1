using System.Data.Common;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// Cold-path statements (runs, cases, workflow steps) bind each value by name from a typed argument, instead of an
/// <c>object?[]</c> laid over @p0…@pN. On a lease's cached command (<c>lease.Command(sql, 0)</c>) the parameter is
/// added the first time and re-bound after, so the statement is still prepared once per lease.
/// </summary>
public static class NamedParameters
{
    public static DbCommand Bind<T>(this DbCommand command, string name, T value)
    {
        var index = command.Parameters.IndexOf(name);
        DbParameter parameter;
        if (index >= 0)
        {
            parameter = command.Parameters[index];
        }
        else
        {
            parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        parameter.Value = (object?)value ?? DBNull.Value;
        return command;
    }
}

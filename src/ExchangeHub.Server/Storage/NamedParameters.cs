using System.Data.Common;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// Typed commands on the cold path (runs, cases, workflow steps, claims, transfers): a method takes each value by name and
/// type and binds it to a named parameter of the lease's cached command (<see cref="WriterLease.Command"/> with no
/// positional parameters), so no SQL text depends on the order of an <c>object?[]</c>. The parameter is added the first
/// time and re-bound after, so the statement is still prepared once per lease.
/// </summary>
public static class NamedParameters
{
    /// <summary>Sets <paramref name="name"/> (e.g. <c>@claim_id</c>) to <paramref name="value"/>, null as SQL NULL; adds it on first use.</summary>
    public static DbCommand With<T>(this DbCommand command, string name, T value)
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

using ExchangeHub.Server.Common.Validation;
using Grpc.Core;

namespace ExchangeHub.Server.Common;

/// <summary>Checks of request fields shared by the reconciliation and refund services, and their error mapping.</summary>
public static class RequestFields
{
    public static DateOnly Date(string value, string field, TimeProvider clock)
    {
        var context = ValidationContext.At(clock.GetUtcNow(), 0);
        if (value.Length == 0)
        {
            return context.Today;
        }
        return Fields.Date(field, value, context with { Today = DateOnly.MaxValue }, out var date) is { } fault
            ? throw RpcErrors.InvalidArgument($"{field} is not a date", field, fault.Message)
            : date;
    }

    public static void Uscc(string value)
    {
        if (Common.Validation.Uscc.Check("uscc", value) is { } fault)
        {
            throw RpcErrors.InvalidArgument("uscc is not valid", "uscc", fault.Message);
        }
    }

    public static void ProgramYear(int year)
    {
        if (year is < 2019 or > 2100)
        {
            throw RpcErrors.InvalidArgument("program_year is not valid", "program_year", $"a program year such as 2024, not {year}");
        }
    }

    public static int PageSize(int requested) => requested switch
    {
        0 => 100,
        >= 1 and <= 1000 => requested,
        _ => throw RpcErrors.InvalidArgument("page_size is out of range", "page_size", $"1 to 1000 (0 means 100), not {requested}"),
    };

    /// <summary>Runs a workflow step, turning a refusal into FAILED_PRECONDITION with its reason.</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (ActionRefusedException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
    }
}

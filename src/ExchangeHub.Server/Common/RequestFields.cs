using ExchangeHub.Server.Common.Validation;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Common;

/// <summary>Checks of request fields shared by every service, and their error mapping.</summary>
public static class RequestFields
{
    /// <summary>
    /// A business date a method takes ("YYYY-MM-DD"; empty: today in China Standard Time, or INVALID_ARGUMENT when
    /// <paramref name="required"/>). FACTS: a decision is taken as of a date that has happened, so a date after today
    /// is INVALID_ARGUMENT naming the field, like a malformed one.
    /// </summary>
    public static DateOnly Date(string value, string field, TimeProvider clock, bool required = false)
    {
        var context = ValidationContext.At(clock.GetUtcNow(), 0);
        if (value.Length == 0)
        {
            return required ? throw RpcErrors.InvalidArgument($"{field} is required", field, "a date YYYY-MM-DD, not after today") : context.Today;
        }
        return Fields.Date(field, value, context, out var date) is { } fault
            ? throw RpcErrors.InvalidArgument(fault.ReasonCode == RejectionCodes.DateOutOfRange ? $"{field} is out of range" : $"{field} is not a date",
                field, fault.Message)
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

    /// <summary>A stored decision's id (a replay's key): greater than 0, else INVALID_ARGUMENT naming decision_id.</summary>
    public static void DecisionId(long id)
    {
        if (id <= 0)
        {
            throw RpcErrors.InvalidArgument("invalid request", "decision_id", "must be a stored decision id, greater than 0");
        }
    }

    /// <summary>The year a replay of every current decision is limited to: 0 (every year) or 2019 to 2100, else INVALID_ARGUMENT naming year.</summary>
    public static int Year(int year) => year is 0 or (>= 2019 and <= 2100)
        ? year
        : throw RpcErrors.InvalidArgument("year is not valid", "year", $"a year such as 2024, or 0 for every year, not {year}");

    /// <summary>The largest page a List* method returns; a larger page_size is read as this (AIP-158).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>A List* method's page size (AIP-158): 0 → 100, above <see cref="MaxPageSize"/> → clamped to it, negative → INVALID_ARGUMENT naming page_size.</summary>
    public static int PageSize(int requested) => requested switch
    {
        0 => 100,
        < 0 => throw RpcErrors.InvalidArgument("page_size is out of range", "page_size", $"0 (100) or more, not {requested}"),
        _ => Math.Min(requested, MaxPageSize),
    };

    /// <summary>
    /// An enum filter: UNSPECIFIED (no filter) or a value the .proto file declares; any other number (a newer or bogus
    /// client) is INVALID_ARGUMENT naming <paramref name="field"/>, never an empty page.
    /// </summary>
    public static T Declared<T>(T value, string field)
        where T : struct, Enum => EnumNames.IsDeclared(value)
        ? value
        : throw RpcErrors.InvalidArgument($"{field} is not valid", field, $"one of {string.Join(", ", Enum.GetValues<T>().Select(EnumNames.Suffix))}, not {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>A text filter that must be one of <paramref name="allowed"/> when set, else INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static string OneOf(string value, string field, IReadOnlyCollection<string> allowed) => value.Length == 0 || allowed.Contains(value)
        ? value
        : throw RpcErrors.InvalidArgument($"{field} is not valid", field, $"empty or one of {string.Join(", ", allowed)}");

    /// <summary>
    /// Runs a workflow step, turning a refusal into FAILED_PRECONDITION with its message and an ErrorInfo (its reason code and metadata), and a field that contradicts
    /// the stored record into INVALID_ARGUMENT naming it.
    /// </summary>
    public static async Task<T> Guard<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (ActionRefusedException ex)
        {
            throw RpcErrors.FailedPrecondition(ex.Message, ex.Reason, ex.Metadata);
        }
        catch (FieldRefusedException ex)
        {
            throw RpcErrors.InvalidArgument($"{ex.Field} is not valid", ex.Field, ex.Message);
        }
    }
}

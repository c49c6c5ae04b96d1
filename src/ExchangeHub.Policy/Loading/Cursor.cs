using System.Globalization;
using System.Text.Json;

namespace ExchangeHub.Policy.Loading;

/// <summary>A JSON element with its path, so every validation error names the value at fault.</summary>
internal readonly record struct Cursor(JsonElement Element, string Path)
{
    public PolicyValidationException Error(string problem) => new(Path, problem);

    public Cursor Property(string name) =>
        Element.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null
            ? new Cursor(child, $"{Path}.{name}")
            : throw new PolicyValidationException($"{Path}.{name}", "is missing");

    public Cursor? OptionalProperty(string name) =>
        Element.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null
            ? new Cursor(child, $"{Path}.{name}")
            : null;

    /// <summary>Rejects unknown keys: a misspelt parameter must not silently fall back to nothing.</summary>
    public Cursor Object(params string[] knownKeys)
    {
        Expect(JsonValueKind.Object, "an object");
        foreach (var property in Element.EnumerateObject())
        {
            if (Array.IndexOf(knownKeys, property.Name) < 0)
            {
                throw new PolicyValidationException($"{Path}.{property.Name}", "is not a known key");
            }
        }

        return this;
    }

    public IEnumerable<(string Name, Cursor Value)> Properties()
    {
        Expect(JsonValueKind.Object, "an object");
        var path = Path;
        return Element.EnumerateObject().Select(p => (p.Name, new Cursor(p.Value, $"{path}.{p.Name}"))).ToList();
    }

    public IReadOnlyList<Cursor> Items()
    {
        Expect(JsonValueKind.Array, "an array");
        var path = Path;
        return Element.EnumerateArray().Select((e, i) => new Cursor(e, $"{path}[{i}]")).ToList();
    }

    public string String()
    {
        Expect(JsonValueKind.String, "a string");
        var text = Element.GetString()!;
        return text.Length > 0 ? text : throw Error("is empty");
    }

    public bool Boolean() =>
        Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error("is not true or false"),
        };

    public int Int32() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value)
            ? value
            : throw Error("is not a whole number");

    public long Int64() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetInt64(out var value)
            ? value
            : throw Error("is not a whole number");

    public decimal Decimal() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetDecimal(out var value)
            ? value
            : throw Error("is not a number");

    public int PositiveInt32()
    {
        var value = Int32();
        return value > 0 ? value : throw Error("must be greater than 0");
    }

    /// <summary>A rate written as a decimal fraction (0.055 for 5.5%), kept exact: never a double.</summary>
    public decimal Rate()
    {
        var value = Decimal();
        return value is >= 0m and <= 1m ? value : throw Error("is not a rate between 0 and 1");
    }

    public DateOnly Date() =>
        DateOnly.TryParseExact(String(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error("is not a date YYYY-MM-DD");

    public TEnum Enum<TEnum>()
        where TEnum : struct, Enum
    {
        var text = String();
        return UpperSnake.TryParse<TEnum>(text, out var value)
            ? value
            : throw Error($"'{text}' is not one of {string.Join(", ", System.Enum.GetValues<TEnum>().Select(UpperSnake.Format))}");
    }

    private void Expect(JsonValueKind kind, string what)
    {
        if (Element.ValueKind != kind)
        {
            throw Error($"is not {what}");
        }
    }
}

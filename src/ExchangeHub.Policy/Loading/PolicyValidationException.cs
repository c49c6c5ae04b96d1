namespace ExchangeHub.Policy.Loading;

/// <summary>The policy file is invalid; the message starts with the JSON path of the parameter at fault.</summary>
public sealed class PolicyValidationException : Exception
{
    public PolicyValidationException()
        : this("$", "is not a valid policy file")
    {
    }

    public PolicyValidationException(string message)
        : base(message)
    {
        JsonPath = "$";
    }

    public PolicyValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        JsonPath = "$";
    }

    public PolicyValidationException(string jsonPath, string problem, Exception? innerException = null)
        : base($"{jsonPath} {problem}", innerException)
    {
        JsonPath = jsonPath;
    }

    /// <summary>JSON path of the value at fault, e.g. <c>$.parameters.ui_rate.employer[1].from</c>.</summary>
    public string JsonPath { get; }
}

namespace GradientLab.Scenarios;

/// <summary>A scenario, dataset or CSV file that cannot be used; the message says what is wrong and where.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public ScenarioException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception, keeping the underlying error.</summary>
    public ScenarioException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ScenarioException()
    {
    }
}

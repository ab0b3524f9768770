namespace GradientLab.Scenarios;

/// <summary>
/// The objective kinds a scenario may name, and which of them are classifiers: models of labelled points in the plane
/// that the <c>/network</c> page shows (their parameters are a network's weights, not a line's w and b, so pages built
/// for two-parameter regression runs leave them out).
/// </summary>
public static class ObjectiveKinds
{
    /// <summary>Logistic regression: ŷ = σ(w·x + b), binary cross-entropy (a network with no hidden layer).</summary>
    public const string LogisticRegression = "logistic-regression";

    /// <summary>A small network: up to two hidden layers of up to 8 units and a sigmoid output.</summary>
    public const string NeuralNetwork = "neural-network";

    /// <summary>Whether <paramref name="kind"/> is a classifier's kind (<see cref="LogisticRegression"/> or <see cref="NeuralNetwork"/>).</summary>
    public static bool IsClassifier(string? kind) => kind is LogisticRegression or NeuralNetwork;
}

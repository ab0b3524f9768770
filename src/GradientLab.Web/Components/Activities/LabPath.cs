using GradientLab.Lessons.Activities;

namespace GradientLab.Web.Components.Activities;

/// <summary>One stop of the suggested path through the lab.</summary>
/// <param name="Page">The page (one of <see cref="LabPages.All"/>).</param>
/// <param name="Name">What the navigation calls it.</param>
/// <param name="Teaches">What it teaches.</param>
/// <param name="Try">What to try there.</param>
public sealed record LabPathStep(string Page, string Name, string Teaches, string Try)
{
    /// <summary>The address without the leading slash, for a link under the site's &lt;base href&gt;.</summary>
    public string RelativeHref => Page.TrimStart('/');
}

/// <summary>The suggested path through the lab, in the order of <see cref="LabPages.All"/>.</summary>
public static class LabPath
{
    /// <summary>The stops, first to last.</summary>
    public static IReadOnlyList<LabPathStep> Steps { get; } =
    [
        new(LabPages.Concepts, "Concepts",
            "The update rule θ ← θ − α·J′(θ) with live numbers, why every partial derivative is measured before anything moves, batch against mini-batch, and one training iteration stage by stage.",
            "Drag θ and α on the first figure, walk the tour of one iteration, then take the quiz, define the terms and put the training loop in order."),
        new(LabPages.Live, "Live demo",
            "Batch gradient descent on real house prices: the line turns, the path runs down the cost surface, and the ledger shows every number of every update.",
            "Step once and read the ledger; then switch on “Predict, then see” and call the next five steps before they run."),
        new(LabPages.Neuron, "Chain rule",
            "One sigmoid neuron: the forward pass, the loss and each factor of the chain rule, multiplied out into the update.",
            "Pick the oscillation scenario and predict each update's sign from the chain rule before it happens."),
        new(LabPages.Optimizers, "Optimizers",
            "The learning-rate dilemma, momentum against plain gradient descent, and seven optimizers racing on classic surfaces.",
            "Race momentum against plain gradient descent on the narrow valley, then write SGD with momentum yourself in the coding challenge."),
        new(LabPages.Failures, "Failure modes",
            "A learning rate too high or too low, unscaled features, the sequential bug, a saddle and a plateau, each diagnosed from the run's own numbers.",
            "Tick “Scale the features” and count the steps saved; then answer the interview questions on reading and debugging a run."),
    ];
}

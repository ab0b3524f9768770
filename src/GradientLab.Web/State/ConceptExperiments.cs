using GradientLab.Lessons.Concepts;
using GradientLab.Lessons.Runs;
using GradientLab.Web.Components.Charts;

namespace GradientLab.Web.State;

/// <summary>The experiments' runs as series of the concepts page's loss figure (the experiments are <see cref="TrainingLoopExperiments"/>).</summary>
public static class ConceptExperiments
{
    /// <summary>A finished run as a series of the loss figure, each step at its fractional epoch.</summary>
    public static RunSeries Series(string name, string cssClass, LiveSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(name, cssClass, session.Trajectory, TrainingLoopExperiments.UpdatesPerEpoch(session));
    }
}

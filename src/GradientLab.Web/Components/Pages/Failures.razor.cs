using GradientLab.Lessons.Failures;
using GradientLab.Plotting;
using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Components.Pages;

/// <summary>The failure-mode lab: one broken run per mode, each explained by its own diagnosis.</summary>
public sealed partial class Failures
{
    private List<FailureCase> _failures = [];
    private bool _scaled;

    /// <inheritdoc/>
    protected override void OnInitialized() => _failures = FailureCases.All(_scaled, LiveLink);

    private static string LiveLink(Scenario scenario) => "live?" + LiveLinks.Query(scenario, new LiveView());

    private void ToggleScaling()
    {
        _scaled = !_scaled;
        var index = _failures.FindIndex(f => f.Key == "unscaled-features");
        _failures[index] = FailureCases.Unscaled(_scaled, LiveLink);
    }
}

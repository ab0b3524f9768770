using Microsoft.AspNetCore.Components;

namespace GradientLab.Web.Components;

/// <summary>
/// A page that says when it has become interactive: its root carries <c>data-ready="true"</c> after the first
/// interactive render, which the browser tests wait for before they click.
/// </summary>
public abstract class InteractivePage : ComponentBase
{
    /// <summary>True once the page has rendered over the live circuit.</summary>
    protected bool Ready { get; private set; }

    /// <inheritdoc/>
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            Ready = true;
            StateHasChanged();
        }
    }
}

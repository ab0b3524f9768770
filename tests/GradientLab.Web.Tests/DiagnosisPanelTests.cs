using GradientLab.Scenarios;
using GradientLab.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GradientLab.Web.Tests;

/// <summary>The diagnosis panel rendered to HTML with Blazor's own HtmlRenderer, no browser.</summary>
public sealed class DiagnosisPanelTests
{
    private static async Task<string> RenderAsync(DiagnosisReport report, bool withApply)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var parameters = new Dictionary<string, object?> { [nameof(DiagnosisPanel.Report)] = report };
        if (withApply)
        {
            parameters[nameof(DiagnosisPanel.OnApply)] = EventCallback.Factory.Create(new object(), () => { });
        }

        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<DiagnosisPanel>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return System.Net.WebUtility.HtmlDecode(html); // the renderer escapes α, λ and the like as character references
    }

    private static DiagnosisReport Report(string preset) => ScenarioDiagnoser.DiagnoseRun(ScenarioResolver.Resolve(Presets.Get(preset).Scenario));

    [Fact]
    public async Task ADivergingRun_ShowsItsVerdict_TheLimit_AndTheApplyButton()
    {
        var html = await RenderAsync(Report("alpha-too-large"), withApply: true);
        html.ShouldContain("data-testid=\"verdict\">diverging</span>");
        html.ShouldContain("data-testid=\"max-stable-lr\">0.583592</b>");
        html.ShouldContain("data-testid=\"condition-number\">46.9787</b>");
        html.ShouldContain("Apply the advice: α = 0.571");
    }

    [Fact]
    public async Task WithoutAnApplyHandler_ThereIsNoButton()
    {
        var html = await RenderAsync(Report("alpha-too-large"), withApply: false);
        html.ShouldNotContain("apply-advice");
    }

    [Fact]
    public async Task ASaddle_IsLabelledLocal_AndHasNoBestRate()
    {
        var html = await RenderAsync(Report("saddle-point"), withApply: true);
        html.ShouldContain("data-testid=\"verdict\">saddle</span>");
        html.ShouldContain("local: the Hessian at the current point");
        html.ShouldContain("best α = <b>—</b>");
        html.ShouldNotContain("apply-advice");
    }
}

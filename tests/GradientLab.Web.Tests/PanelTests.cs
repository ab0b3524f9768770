using GradientLab.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GradientLab.Web.Tests;

/// <summary>A failing part of a page is contained by its panel: a message and a reset, never a dead page.</summary>
public sealed class PanelTests
{
    private sealed class Failing : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            throw new InvalidOperationException("the figure has no points");
    }

    private sealed class Fine : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "all good");
    }

    /// <summary>What the browser host provides: somewhere for a caught error to be logged.</summary>
    private sealed class Logged : IErrorBoundaryLogger
    {
        public List<Exception> Errors { get; } = [];

        public ValueTask LogErrorAsync(Exception exception)
        {
            Errors.Add(exception);
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<string> RenderAsync<TChild>()
        where TChild : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IErrorBoundaryLogger, Logged>().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        RenderFragment child = builder =>
        {
            builder.OpenComponent<TChild>(0);
            builder.CloseComponent();
        };
        var parameters = new Dictionary<string, object?> { [nameof(Panel.Title)] = "The cost surface", [nameof(Panel.ChildContent)] = child };
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<Panel>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    [Fact]
    public async Task AFailingPart_ShowsWhatFailed_AndAReset_WithoutAStackTrace()
    {
        var html = await RenderAsync<Failing>();
        html.ShouldContain("The cost surface could not be shown");
        html.ShouldContain("the figure has no points");
        html.ShouldContain("data-testid=\"panel-reset\"");
        html.ShouldNotContain(" at GradientLab");
    }

    [Fact]
    public async Task AWorkingPart_IsShownAsItIs()
    {
        var html = await RenderAsync<Fine>();
        html.ShouldBe("all good");
    }
}

using Bunit;
using GradientLab.Web.Components.Pages;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The failures page's controls: each case's link and the scaling toggle.</summary>
public sealed class FailuresPageTests : PageContext
{
    [Theory]
    [InlineData("alpha-too-large", "live?preset=alpha-too-large")]
    [InlineData("plateau", "neuron?preset=plateau")]
    [InlineData("saddle-point", "live?preset=saddle-point")]
    public void Each_case_links_to_its_run(string key, string link)
    {
        var page = Render<Failures>();
        page.Find($"[data-testid=failure-{key}] a").GetAttribute("href").ShouldBe(link);
    }

    [Fact]
    public void Scaling_the_features_makes_the_run_converge()
    {
        var page = Render<Failures>();
        page.Find("[data-testid=steps-to-converge]").TextContent.ShouldBe("more than 10000");
        page.Find("[data-testid=scale-toggle]").Change(true);
        int.Parse(page.Find("[data-testid=steps-to-converge]").TextContent, System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(100);
    }
}

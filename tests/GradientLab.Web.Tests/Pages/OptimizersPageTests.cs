using Bunit;
using GradientLab.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The optimizer lab's first two sections keep their settings in the address, and an address restores them.</summary>
public sealed class OptimizersPageTests : PageContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static string Text(IRenderedComponent<Optimizers> page, string id) => page.Find($"[data-testid={id}]").TextContent.Trim();

    private static string Value(IRenderedComponent<Optimizers> page, string id) => page.Find($"[data-testid={id}]").GetAttribute("value") ?? "";

    [Fact]
    public void Changing_the_dilemma_and_the_momentum_controls_writes_them_into_the_address()
    {
        var page = Render<Optimizers>();
        Navigation.Uri.ShouldNotContain("?");

        page.Find("[data-testid=lr-alpha-2]").Change("0.3");
        Navigation.Uri.ShouldEndWith("optimizers?v=2&alphas=0.01,0.3,1.1");
        page.Find("[data-testid=lr-threshold]").Change("1e-6");
        page.Find("[data-testid=momentum-beta]").Change("0.9");
        page.Find("[data-testid=momentum-alpha]").Change("0.02");
        page.Find("[data-testid=momentum-at]").Input("19");
        Navigation.Uri.ShouldEndWith("optimizers?v=2&alphas=0.01,0.3,1.1&below=1E-06&malpha=0.02&beta=0.9&iter=19");

        page.Find("[data-testid=momentum-beta]").Change("1e300"); // a value the fields do not take changes nothing
        Navigation.Uri.ShouldContain("beta=0.9&");
        page.Find("[data-testid=lr-alpha-2]").Change("0.1");
        Navigation.Uri.ShouldEndWith("optimizers?v=2&below=1E-06&malpha=0.02&beta=0.9&iter=19");
    }

    [Fact]
    public void Opening_an_address_restores_the_controls_and_their_numbers()
    {
        var fresh = Render<Optimizers>();
        fresh.Find("[data-testid=lr-alpha-1]").Change("0.3");
        fresh.Find("[data-testid=momentum-beta]").Change("0.9");
        fresh.Find("[data-testid=momentum-at]").Input("19");
        var steps = Text(fresh, "lr-steps-1");
        var theta = Text(fresh, "momentum-theta");
        var address = Navigation.Uri;

        Navigation.NavigateTo("/optimizers");
        Navigation.NavigateTo(address);
        var page = Render<Optimizers>();
        Value(page, "lr-alpha-1").ShouldBe("0.3");
        Value(page, "lr-alpha-2").ShouldBe("0.1");
        Value(page, "momentum-beta").ShouldBe("0.9");
        Value(page, "momentum-at").ShouldBe("19");
        Text(page, "lr-steps-1").ShouldBe(steps);
        Text(page, "momentum-theta").ShouldBe(theta);
        page.FindAll("[data-testid=link-error]").ShouldBeEmpty();
    }

    [Fact]
    public void A_bad_value_in_the_address_is_named_and_the_defaults_open()
    {
        Navigation.NavigateTo("/optimizers?v=2&beta=abc&alphas=0.5,0.5,0.5");
        var page = Render<Optimizers>();
        Text(page, "link-error").ShouldContain("the parameter 'beta' is 'abc', which is not a number");
        Value(page, "momentum-beta").ShouldBe("0.5");
        Value(page, "lr-alpha-1").ShouldBe("0.01");
    }
}

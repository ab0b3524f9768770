using System.Globalization;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>
/// Tampered addresses opened in Chromium, on every page that keeps its state in its address (/live, /neuron,
/// /optimizers, /concepts): huge, tiny and non-finite numbers, values of thousands of characters, unknown names, wrong
/// types, repeated parameters, unicode and bad escapes, bad base64, out-of-range steps and starts, junk in the layout's
/// parameters. Each one: the page becomes interactive, names the parameter that is wrong (or shows no error when the value
/// is allowed), logs no console error and throws nothing, and still takes a step.
/// </summary>
[Collection("web")]
public sealed class TamperedAddressTests(WebAppFixture web)
{
    /// <summary>One tampered address.</summary>
    /// <param name="Name">The row's name in the test's output.</param>
    /// <param name="Path">The address after the site's root.</param>
    /// <param name="Named">What the page's message must contain (the parameter, quoted), or null when the address is allowed and no error may show.</param>
    /// <param name="Quick">Run on every test run (the others carry the Full category).</param>
    private sealed record Tampered(string Name, string Path, string? Named, bool Quick = false);

    private static readonly string Nines = new('9', 2_500);
    private static readonly string Junk = string.Concat(Enumerable.Repeat("%E2%98%83x", 250)); // 2,500 characters: snowmen and x
    private static readonly string HundredStarts = string.Join(",", Enumerable.Repeat("1", 100));

    private static readonly Tampered[] Rows =
    [
        // /live
        new("live-alpha-1e308", "/live?v=2&alpha=1e308", "'alpha'", Quick: true),
        new("live-alpha-minus-1e308", "/live?v=2&alpha=-1e308", "'alpha'"),
        new("live-alpha-nan", "/live?v=2&alpha=NaN", "'alpha'"),
        new("live-alpha-infinity", "/live?v=2&alpha=Infinity", "'alpha'"),
        new("live-alpha-1e-320", "/live?v=2&alpha=1e-320", null),
        new("live-alpha-2500-chars", "/live?v=2&alpha=" + Nines, "'alpha'"),
        new("live-alpha-unicode", "/live?v=2&alpha=%E2%98%83", "'alpha'"),
        new("live-alpha-bad-escape", "/live?v=2&alpha=%ZZ", "'alpha'"),
        new("live-alpha-twice", "/live?v=2&alpha=0.1&alpha=0.2", "'alpha'"),
        new("live-preset-unknown", "/live?v=2&preset=no-such-preset", "'preset'", Quick: true),
        new("live-steps-word", "/live?v=2&steps=abc", "'steps'"),
        new("live-steps-negative", "/live?v=2&steps=-5", "'steps'"),
        new("live-steps-above-limit", "/live?v=2&steps=100001", "'steps'", Quick: true),
        new("live-steps-exponent", "/live?v=2&steps=1e3", "'steps'"),
        new("live-step-negative", "/live?v=2&step=-1", "'step'"),
        new("live-start-1e308", "/live?v=2&start=1e308,1e308", "'start'"),
        new("live-start-one-value", "/live?v=2&start=5", "start: 1 value", Quick: true),
        new("live-start-three-values", "/live?v=2&start=1,2,3", "start: 3 values"),
        new("live-start-100-values", "/live?v=2&start=" + HundredStarts, "'start'"),
        new("live-s-bad-base64", "/live?v=2&s=!!!not-base64", "'s'"),
        new("live-s-not-a-scenario", "/live?s=eyJub3QiOiJhIHNjZW5hcmlvIn0", "'s'"),
        new("live-name-unicode", "/live?v=2&%E2%98%83=1", "'☃'"),
        new("live-opt-nul", "/live?v=2&opt=%00", "'opt'"),
        new("live-size-zero", "/live?v=2&batch=mini&size=0", "'size'"),
        new("live-seed-too-big", "/live?v=2&seed=99999999999", "'seed'"),
        new("live-x-overflow", "/live?v=2&x=1e309", "'x'"),
        new("live-version-99", "/live?v=99", "v=99"),
        new("live-data-2500-chars", "/live?v=2&file=a.csv&data=" + Junk, "'data'"),
        new("live-file-without-data", "/live?v=2&file=a.csv", "'file'"),
        new("live-sha-junk", "/live?v=2&file=a.csv&sha=XYZ", "'sha'"),
        new("live-s-7000-chars", "/live?v=2&s=" + new string('A', 7_000), "'s'"), // the static server refuses a request line over 8 KB
        new("live-embed-junk", "/live?embed=%3Cscript%3E&slide=nope", null),

        // /neuron
        new("neuron-alpha-1e308", "/neuron?v=2&alpha=1e308", "'alpha'", Quick: true),
        new("neuron-w-minus-1e308", "/neuron?v=2&w=-1e308", "'w'"),
        new("neuron-x-nan", "/neuron?v=2&x=NaN", "'x'"),
        new("neuron-alpha-1e-320", "/neuron?v=2&alpha=1e-320", null),
        new("neuron-preset-not-a-neuron", "/neuron?v=2&preset=housing-live-demo", "'preset'"),
        new("neuron-step-above-limit", "/neuron?v=2&step=10001", "'step'"),
        new("neuron-bias-word", "/neuron?v=2&bias=yes", "'bias'"),
        new("neuron-y-2500-chars", "/neuron?v=2&y=" + Nines, "'y'"),

        // /optimizers
        new("optimizers-surface-unknown", "/optimizers?v=2&surface=nope", "'surface'"),
        new("optimizers-budget-negative", "/optimizers?v=2&budget=-1", "'budget'"),
        new("optimizers-budget-huge", "/optimizers?v=2&budget=999999999999", "'budget'"),
        new("optimizers-start-1e308", "/optimizers?v=2&start=1e308,1e308", "'start'"),
        new("optimizers-start-three-values", "/optimizers?v=2&start=1,2,3", "'start'"),
        new("optimizers-rates-nan", "/optimizers?v=2&rates=adam_NaN", "'rates'"),
        new("optimizers-racers-stray-commas", "/optimizers?v=2&racers=,adam,,", null),
        new("optimizers-schedule-2500-chars", "/optimizers?v=2&schedule=" + Junk, "'schedule'"),
        new("optimizers-surface-twice", "/optimizers?v=2&surface=himmelblau&surface=rosenbrock", "'surface'"),
        new("optimizers-embed-junk", "/optimizers?embed=yes&slide=%F0%9F%92%A5", null),
        new("optimizers-alphas-two-values", "/optimizers?v=2&alphas=0.1,0.2", "'alphas'"),
        new("optimizers-alphas-nan", "/optimizers?v=2&alphas=0.1,NaN,0.3", "'alphas'"),
        new("optimizers-alphas-negative", "/optimizers?v=2&alphas=-1,0.1,1.1", null), // allowed: the dilemma's row says why α = −1 cannot run
        new("optimizers-below-zero", "/optimizers?v=2&below=0", "'below'"),
        new("optimizers-malpha-2500-chars", "/optimizers?v=2&malpha=" + Nines, "'malpha'"),
        new("optimizers-beta-1e308", "/optimizers?v=2&beta=1e308", "'beta'"),
        new("optimizers-iter-above-limit", "/optimizers?v=2&iter=40", "'iter'"),

        // /concepts
        new("concepts-experiment-unknown", "/concepts?experiment=nope", "'experiment'"),
        new("concepts-experiment-bad-utf8", "/concepts?v=2&experiment=%FF", "'experiment'"),
        new("concepts-version-negative", "/concepts?v=-1", "'v'"),
        new("concepts-slide-unknown", "/concepts?slide=..%2F..%2Fetc", null),
        new("concepts-batch-above-limit", "/concepts?v=2&batch=9", "'batch'"),
        new("concepts-epochs-2500-chars", "/concepts?v=2&epochs=" + Nines, "'epochs'"),
        new("concepts-order-unknown", "/concepts?v=2&order=rosenbrock", "'order'"),
        new("concepts-order-alpha-zero", "/concepts?v=2&order-alpha=0", "'order-alpha'"),
        new("concepts-batch-alpha-nan", "/concepts?v=2&batch-alpha=NaN", "'batch-alpha'"),
        new("concepts-theta-1e308", "/concepts?v=2&theta=1e308", "'theta'"),
        new("concepts-tour-negative", "/concepts?v=2&tour=-1", "'tour'"),
        new("concepts-stage-word", "/concepts?v=2&stage=last", "'stage'"),
        new("concepts-every-setting-allowed", "/concepts?v=2&theta=-5&alpha=1.5&order=housing-live-demo&order-alpha=0.1&order-steps=2000&batch=5&epochs=500&batch-alpha=1e-7&tour=2000&stage=5", null),
    ];

    public static TheoryData<string> QuickRows => [.. Rows.Where(r => r.Quick).Select(r => r.Name)];

    public static TheoryData<string> OtherRows => [.. Rows.Where(r => !r.Quick).Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(QuickRows))]
    public Task ATamperedAddress_OpensThePage_NamesTheParameter_AndThePageStillWorks(string name) => CheckAsync(name);

    [Theory]
    [MemberData(nameof(OtherRows))]
    [Trait("Category", "Full")]
    public Task EveryTamperedAddress_OpensThePage_NamesTheParameter_AndThePageStillWorks(string name) => CheckAsync(name);

    [Fact]
    public void TheTable_CoversEveryPageWithState_WithFiveQuickRows()
    {
        Rows.Select(r => r.Name).Distinct().Count().ShouldBe(Rows.Length);
        Rows.Count(r => r.Quick).ShouldBe(5);
        Rows.Select(r => r.Path.Split('?')[0]).Distinct().Order(StringComparer.Ordinal).ShouldBe(["/concepts", "/live", "/neuron", "/optimizers"]);
        Rows.Length.ShouldBeGreaterThanOrEqualTo(40);
    }

    private async Task CheckAsync(string name)
    {
        var row = Rows.Single(r => r.Name == name);
        var errors = new List<string>();
        var page = await web.OpenAsync(row.Path, watch: page =>
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add(error);
        });

        var message = MessageOf(page, row.Path);
        if (row.Named is { } named)
        {
            await Assertions.Expect(message).ToContainTextAsync(named);
        }
        else if (row.Path.StartsWith("/live", StringComparison.Ordinal))
        {
            await Assertions.Expect(message).Not.ToContainTextAsync("could not");
        }
        else
        {
            await Assertions.Expect(message).ToHaveCountAsync(0);
        }

        await StepAsync(page, row.Path);
        errors.ShouldBeEmpty($"{name}: the console");
        await page.CloseAsync();
    }

    /// <summary>Where each page says that its link could not be opened.</summary>
    private static ILocator MessageOf(IPage page, string path) => path.Split('?')[0] switch
    {
        "/live" => page.GetByTestId("status"),
        "/neuron" => page.GetByTestId("error"),
        _ => page.GetByTestId("link-error"),
    };

    /// <summary>One step of the page's run (the experiment changed, on /concepts), seen in its counter (or address).</summary>
    private static async Task StepAsync(IPage page, string path)
    {
        var (button, counter) = path.Split('?')[0] switch
        {
            "/live" => ("step", "step-count"),
            "/neuron" => ("next", "iteration"),
            "/optimizers" => ("race-step", "race-step-count"),
            _ => ("experiment-alpha-large", null),
        };
        if (counter is null)
        {
            await page.GetByTestId(button).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("experiment=alpha-large", StringComparison.Ordinal));
            return;
        }

        var before = int.Parse(await page.GetByTestId(counter).InnerTextAsync(), CultureInfo.InvariantCulture);
        await page.GetByTestId(button).ClickAsync();
        await Assertions.Expect(page.GetByTestId(counter)).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GradientLab.Scenarios;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>Every page's state is in its address: a reloaded address shows the same run, step and labels.</summary>
[Collection("web")]
public sealed class ShareLinkTests(WebAppFixture web)
{
    [Fact]
    [Trait("Category", "Journey")]
    public async Task Live_SettingsAndStep_SurviveAReload_AsAShortLink()
    {
        var page = await web.OpenAsync("/live");
        await page.GetByTestId("learning-rate").FillAsync("0.05");
        await page.GetByTestId("learning-rate").DispatchEventAsync("change");
        await page.WaitForURLAsync(url => url.Contains("alpha=0.05", StringComparison.Ordinal));
        await page.GetByTestId("update").SelectOptionAsync("sequential");
        await page.WaitForURLAsync(url => url.Contains("update=sequential", StringComparison.Ordinal));
        await page.GetByTestId("present-toggle").ClickAsync(); // the layout's parameter must survive the page's own rewrites
        await page.WaitForURLAsync(url => url.Contains("present=1", StringComparison.Ordinal));
        for (var i = 0; i < 4; i++)
        {
            await page.GetByTestId("step").ClickAsync();
        }

        await page.WaitForURLAsync(url => url.Contains("step=4", StringComparison.Ordinal));
        var address = page.Url;
        address.ShouldContain("v=2&preset=housing-live-demo");
        address.ShouldContain("present=1", Case.Sensitive, "the layout's presenting mode stays in the address");
        address.ShouldNotContain("s=ey");
        var w = await page.NumberAsync("param-w");
        var b = await page.NumberAsync("param-b");

        var again = await web.OpenAsync(address[web.BaseUrl.Length..]);
        await Assertions.Expect(again.GetByTestId("step-count")).ToHaveTextAsync("4");
        PageNumbers.ShouldMatch(await again.NumberAsync("param-w"), w);
        PageNumbers.ShouldMatch(await again.NumberAsync("param-b"), b);
        (await again.GetByTestId("preset").InputValueAsync()).ShouldBe("custom");
        (await again.GetByTestId("update").InputValueAsync()).ShouldBe("sequential");
        (await again.GetByTestId("learning-rate").InputValueAsync()).ShouldBe("0.05");

        var run = ScenarioResolver.Resolve(Presets.Get("housing-live-demo").Scenario with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = 0.05 }, Update = "sequential" }).CreateRun();
        for (var i = 0; i < 4; i++)
        {
            run.Step();
        }

        PageNumbers.ShouldMatch(w, run.Current.Parameters[0]);
        await page.CloseAsync();
        await again.CloseAsync();
    }

    [Fact]
    public async Task Live_AnOldLink_AndABadLink_StillOpen()
    {
        // A version 1 link made by main 8d52225 (course-lab, sequential update, 500 steps): w and b after one step 6.5 and 3.9025.
        var old = await web.OpenAsync("/live?s=eyJuYW1lIjogImNvdXJzZS1sYWIiLCJvYmplY3RpdmUiOiB7ImtpbmQiOiAibGluZWFyLXJlZ3Jlc3Npb24iLCJsb3NzIjogImhhbGYtbXNlIiwiZGF0YSI6IHsiYnVpbHRpbiI6ICJob3VzaW5nLXRpbnkifX0sInN0YXJ0IjogWzAsMF0sIm9wdGltaXplciI6IHsia2luZCI6ICJnZCIsImxlYXJuaW5nUmF0ZSI6IDAuMDF9LCJ1cGRhdGUiOiAic2VxdWVudGlhbCIsInN0ZXBzIjogNTAwfQ");
        await old.GetByTestId("step").ClickAsync();
        await Assertions.Expect(old.GetByTestId("step-count")).ToHaveTextAsync("1");
        PageNumbers.ShouldMatch(await old.NumberAsync("param-w"), 6.5);
        PageNumbers.ShouldMatch(await old.NumberAsync("param-b"), 3.9025);
        (await old.GetByTestId("preset").InputValueAsync()).ShouldBe("course-lab");
        await old.WaitForURLAsync(url => url.Contains("v=2&preset=course-lab&update=sequential&steps=500&step=1", StringComparison.Ordinal));

        var bad = await web.OpenAsync("/live?v=2&alhpa=0.1");
        await Assertions.Expect(bad.GetByTestId("status")).ToContainTextAsync("'alhpa' is not one this page knows");
        await Assertions.Expect(bad.GetByTestId("step-count")).ToHaveTextAsync("0");
        await old.CloseAsync();
        await bad.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task Live_Downloads_TheTrajectoryAndTheScenario_InTheCommandLinesFormats()
    {
        var page = await web.OpenAsync("/live?v=2&preset=course-lab&steps=20");
        await page.Locator(".gl-run-download > summary").ClickAsync();
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-trajectory-csv").ClickAsync());
        csv.SuggestedFilename.ShouldBe("course-lab-trajectory.csv");
        var lines = (await File.ReadAllLinesAsync((await csv.PathAsync())!)).ToList();
        lines[0].ShouldBe("step,epoch,loss,learning_rate,grad_w,grad_b,w,b");
        lines.Count.ShouldBe(22);
        lines[2].Split(',')[^2].ShouldBe("6.5");

        var json = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-trajectory-json").ClickAsync());
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync((await json.PathAsync())!)))
        {
            document.RootElement.GetProperty("points").GetArrayLength().ShouldBe(21);
        }

        var scenario = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-scenario").ClickAsync());
        scenario.SuggestedFilename.ShouldBe("course-lab.scenario.json");
        var parsed = ScenarioJson.Parse(await File.ReadAllTextAsync((await scenario.PathAsync())!));
        var run = ScenarioResolver.Resolve(parsed).CreateRun();
        run.RunToEnd();
        run.Current.Step.ShouldBe(20);
        double.Parse(lines[^1].Split(',')[^2], CultureInfo.InvariantCulture).ShouldBe(run.Current.Parameters[0]);
        await page.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task Neuron_SettingsAndIteration_SurviveAReload()
    {
        var page = await web.OpenAsync("/neuron?preset=neuron-oscillation");
        await page.GetByTestId("alpha").FillAsync("3");
        await page.GetByTestId("alpha").DispatchEventAsync("change");
        await page.GetByTestId("next").ClickAsync();
        await page.GetByTestId("next").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("v=2&preset=neuron-oscillation&alpha=3&step=2", StringComparison.Ordinal));
        var z = await page.NumberAsync("z");

        var again = await web.OpenAsync(page.Url[web.BaseUrl.Length..]);
        await Assertions.Expect(again.GetByTestId("iteration")).ToHaveTextAsync("2");
        (await again.GetByTestId("alpha").InputValueAsync()).ShouldBe("3");
        PageNumbers.ShouldMatch(await again.NumberAsync("z"), z);
        await page.CloseAsync();
        await again.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task Optimizers_TheDilemmaAndTheMomentumSettings_SurviveAReload()
    {
        var page = await web.OpenAsync("/optimizers");
        await page.GetByTestId("lr-alpha-2").FillAsync("0.3");
        await page.GetByTestId("lr-alpha-2").PressAsync("Tab");
        await page.WaitForURLAsync(url => url.Contains("v=2&alphas=0.01,0.3,1.1", StringComparison.Ordinal));
        await page.GetByTestId("momentum-beta").FillAsync("0.9");
        await page.GetByTestId("momentum-beta").PressAsync("Tab");
        await page.GetByTestId("momentum-at").FillAsync("19");
        await page.WaitForURLAsync(url => url.Contains("alphas=0.01,0.3,1.1&beta=0.9&iter=19", StringComparison.Ordinal));
        var steps = await page.NumberAsync("lr-steps-2");
        var theta = await page.NumberAsync("momentum-theta");

        var again = await web.OpenAsync(page.Url[web.BaseUrl.Length..]);
        (await again.GetByTestId("lr-alpha-2").InputValueAsync()).ShouldBe("0.3");
        (await again.GetByTestId("momentum-beta").InputValueAsync()).ShouldBe("0.9");
        (await again.GetByTestId("momentum-at").InputValueAsync()).ShouldBe("19");
        (await again.NumberAsync("lr-steps-2")).ShouldBe(steps);
        PageNumbers.ShouldMatch(await again.NumberAsync("momentum-theta"), theta);
        (await again.GetByTestId("link-error").CountAsync()).ShouldBe(0);

        // θ² from 4 with α = 0.3: θ shrinks ×0.4 a step, so J = 16·0.16^t falls below 1e-3 at step 6.
        steps.ShouldBe(6);
        await page.CloseAsync();
        await again.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task Optimizers_And_Concepts_KeepTheirChoices_InTheAddress()
    {
        var page = await web.OpenAsync("/optimizers?v=2&surface=himmelblau");
        (await page.GetByTestId("race-surface").InputValueAsync()).ShouldBe("himmelblau");
        await page.GetByTestId("race-schedule").SelectOptionAsync("cosine");
        await page.WaitForURLAsync(url => url.Contains("v=2&surface=himmelblau&schedule=cosine", StringComparison.Ordinal));
        await page.GetByTestId("racer-rate-adam").FillAsync("0.05");
        await page.GetByTestId("racer-rate-adam").PressAsync("Tab");
        await page.WaitForURLAsync(url => url.Contains("rates=adam_0.05", StringComparison.Ordinal));
        var again = await web.OpenAsync(page.Url[web.BaseUrl.Length..]);
        (await again.GetByTestId("race-schedule").InputValueAsync()).ShouldBe("cosine");
        (await again.GetByTestId("racer-rate-adam").InputValueAsync()).ShouldBe("0.05");

        var concepts = await web.OpenAsync("/concepts");
        await concepts.GetByTestId("experiment-alpha-large").ClickAsync();
        await concepts.WaitForURLAsync(url => url.EndsWith("concepts?v=2&experiment=alpha-large", StringComparison.Ordinal));
        var bad = await web.OpenAsync("/concepts?experiment=nope");
        await Assertions.Expect(bad.GetByTestId("link-error")).ToContainTextAsync("'experiment' is 'nope'");

        // Every section of /concepts keeps its settings: a control changes the address, the address restores the controls.
        await concepts.GetByTestId("order-data").SelectOptionAsync("course-lab");
        await concepts.GetByTestId("variants-batch-size").FillAsync("4");
        await concepts.GetByTestId("variants-batch-size").PressAsync("Tab");
        await concepts.GetByTestId("tour-next").ClickAsync();
        await concepts.WaitForURLAsync(url => url.EndsWith("concepts?v=2&order=course-lab&batch=4&stage=1&experiment=alpha-large", StringComparison.Ordinal));
        var restored = await web.OpenAsync(concepts.Url[web.BaseUrl.Length..]);
        (await restored.GetByTestId("order-data").InputValueAsync()).ShouldBe("course-lab");
        (await restored.GetByTestId("variants-batch-size").InputValueAsync()).ShouldBe("4");
        await Assertions.Expect(restored.GetByTestId("iterations-mini")).ToHaveTextAsync("60");
        await Assertions.Expect(restored.GetByTestId("tour-stage-1")).ToHaveClassAsync(new Regex("gl-lit"));
        await Assertions.Expect(restored.GetByTestId("experiment-alpha-large")).ToHaveClassAsync(new Regex("gl-on"));
        var badBatch = await web.OpenAsync("/concepts?v=2&batch=9");
        await Assertions.Expect(badBatch.GetByTestId("link-error")).ToContainTextAsync("'batch' is 9");
        foreach (var opened in new[] { page, again, concepts, bad, restored, badBatch })
        {
            await opened.CloseAsync();
        }
    }
}

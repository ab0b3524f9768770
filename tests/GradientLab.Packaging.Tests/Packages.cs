using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GradientLab.Packaging.Tests;

/// <summary>
/// Packs every shippable project of the repository once (the gradlab tool with its bundled web lab, GradientLab.Core,
/// GradientLab.Scenarios) into a scratch feed, under a version of its own so no cached package can stand in for it.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("gradlab-feed-").FullName;

    public string Version { get; } = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        var result = await Shell.RunAsync("dotnet", ["pack", Path.Combine(Shell.RepositoryRoot, "GradientLab.slnx"), "-c", "Release", "-o", Folder, $"-p:Version={Version}", "-nologo", "-v", "q"], Shell.RepositoryRoot);
        result.ExitCode.ShouldBe(0, result.Text);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition("feed")]
public sealed class FeedGroup : ICollectionFixture<PackedFeed>;

internal sealed record ShellResult(int ExitCode, string Output, string Error)
{
    public string Text => $"exit {ExitCode}\n{Output}\n{Error}";
}

internal static class Shell
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<ShellResult> RunAsync(string program, IEnumerable<string> arguments, string folder)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ShellResult(process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GradientLab.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("GradientLab.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The gradlab tool, installed from the packed feed into a scratch tool path, used as a teacher would.</summary>
[Collection("feed")]
[Trait("Category", "Full")]
public sealed class InstalledToolTests(PackedFeed feed) : IDisposable
{
    private readonly string _tools = Directory.CreateTempSubdirectory("gradlab-tools-").FullName;

    private string Gradlab => Path.Combine(_tools, "gradlab");

    public void Dispose() => Directory.Delete(_tools, recursive: true);

    private async Task InstallAsync()
    {
        var install = await Shell.RunAsync("dotnet", ["tool", "install", "gradlab", "--version", feed.Version, "--tool-path", _tools, "--add-source", feed.Folder], _tools);
        install.ExitCode.ShouldBe(0, install.Text);
    }

    [Fact]
    public async Task TheInstalledTool_ListsPresets_AndRunsOne()
    {
        await InstallAsync();
        var presets = await Shell.RunAsync(Gradlab, ["presets"], _tools);
        presets.ExitCode.ShouldBe(0, presets.Text);
        presets.Output.ShouldContain("housing-live-demo");
        presets.Output.ShouldContain("course-lab");

        var run = await Shell.RunAsync(Gradlab, ["run", "course-lab", "--steps", "50", "--format", "csv"], _tools);
        run.ExitCode.ShouldBe(0, run.Text);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("step,epoch,loss");
        lines.Length.ShouldBe(52); // the header, then steps 0 to 50
    }

    [Fact]
    public async Task GradlabLab_ServesTheBundledStaticSite_WithDeepLinks()
    {
        await InstallAsync();
        var start = new ProcessStartInfo(Gradlab, ["lab", "--port", "0"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var lab = Process.Start(start)!;
        try
        {
            // The first line says where the lab answers.
            var line = await lab.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) ?? "";
            line.ShouldStartWith("GradientLab is running: open http://127.0.0.1:");
            var address = new Uri(line.Split(' ').First(word => word.StartsWith("http://", StringComparison.Ordinal)));
            using var http = new HttpClient { BaseAddress = address };

            var index = await http.GetStringAsync(new Uri("/", UriKind.Relative));
            index.ShouldContain("_framework/blazor.webassembly.js");
            var deepLink = await http.GetStringAsync(new Uri("/live?preset=alpha-too-large", UriKind.Relative));
            deepLink.ShouldBe(index); // an app route is answered with the lab's index.html

            using var request = new HttpRequestMessage(HttpMethod.Get, "_framework/blazor.webassembly.js");
            request.Headers.AcceptEncoding.ParseAdd("br");
            using var script = await http.SendAsync(request);
            script.IsSuccessStatusCode.ShouldBeTrue();
            script.Content.Headers.ContentEncoding.ShouldContain("br");

            using var missing = await http.GetAsync(new Uri("/no-such-file.js", UriKind.Relative));
            ((int)missing.StatusCode).ShouldBe(404);
        }
        finally
        {
            lab.Kill(entireProcessTree: true);
            await lab.WaitForExitAsync();
        }
    }
}

/// <summary>A console program that uses GradientLab.Core and GradientLab.Scenarios from the packed feed, not project references.</summary>
[Collection("feed")]
[Trait("Category", "Full")]
public sealed class LibraryConsumerTests(PackedFeed feed) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gradlab-consumer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AConsoleProgram_RunsADescent_FromThePackages()
    {
        File.WriteAllText(Path.Combine(_folder, "consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GradientLab.Core" Version="{feed.Version}" />
                <PackageReference Include="GradientLab.Scenarios" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """, Encoding.UTF8);
        File.WriteAllText(Path.Combine(_folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="gradientlab-feed" value="{feed.Folder}" />
              </packageSources>
            </configuration>
            """, Encoding.UTF8);
        File.WriteAllText(Path.Combine(_folder, "Program.cs"), """
            using System.Globalization;
            using GradientLab.Core.Data;
            using GradientLab.Core.Descent;
            using GradientLab.Core.Objectives;
            using GradientLab.Core.Optimizers;
            using GradientLab.Core.Schedules;
            using GradientLab.Scenarios;

            var data = Dataset.FromPairs([1.0, 2.0], [300.0, 500.0]);
            var run = new DescentRun(new DescentSettings(
                new LinearRegression(data, RegressionLoss.HalfMse), Start: [0, 0],
                new SgdSettings(), new ConstantRate(0.1), MaxSteps: 5000));
            run.RunToEnd();
            var preset = ScenarioResolver.Resolve(Presets.Get("course-lab").Scenario).CreateRun();
            preset.RunToEnd();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run.StopReason} w={run.Current.Parameters[0]:F3} b={run.Current.Parameters[1]:F3} preset-steps={preset.Current.Step}"));
            """, Encoding.UTF8);

        var result = await Shell.RunAsync("dotnet", ["run", "-c", "Release"], _folder);
        result.ExitCode.ShouldBe(0, result.Text);

        // The two houses lie exactly on price = 200·size + 100, so the run must end there.
        result.Output.ShouldContain("w=200.000 b=100.000");
        result.Output.ShouldContain("preset-steps=");
        var assets = File.ReadAllText(Path.Combine(_folder, "obj", "project.assets.json"));
        assets.ShouldContain($"GradientLab.Core/{feed.Version}");
        assets.ShouldNotContain("\"type\": \"project\"");
    }
}

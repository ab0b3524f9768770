using GradientLab.Lessons.Runs;
using System.Globalization;
using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

/// <summary>Links made by earlier versions keep opening the run they opened (saved in Links/old-links.tsv).</summary>
public sealed class OldLinkTests
{
    public static TheoryData<string> Names => [.. Rows().Select(r => r.Name)];

    private static IEnumerable<(string Name, string Link, string Label, int Steps, double W1, double B1)> Rows() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Links", "old-links.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("name\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .Select(c => (c[0], c[1], c[2], int.Parse(c[3], CultureInfo.InvariantCulture), double.Parse(c[4], CultureInfo.InvariantCulture), double.Parse(c[5], CultureInfo.InvariantCulture)));

    [Fact]
    public void TheSavedLinks_CoverBothOldVersions()
    {
        var rows = Rows().ToList();
        rows.Count(r => r.Link.StartsWith("live?s=", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(5);
        rows.Count(r => r.Link.StartsWith("live?preset=", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void AnOldLiveLink_OpensTheRunItOpenedBefore(string name)
    {
        var row = Rows().Single(r => r.Name == name);
        var link = LiveLinks.Read(row.Link);
        link.Version.ShouldBe(row.Link.Contains("?s=", StringComparison.Ordinal) ? 1 : 0);
        var session = new LiveSession(link.Scenario);
        session.Resolved.Settings.MaxSteps.ShouldBe(row.Steps);
        (link.Scenario.Name ?? "").ShouldBe(row.Label);
        session.Advance();
        session.Current.Parameters[0].ShouldBe(row.W1, Math.Abs(row.W1) * 1e-12);
        session.Current.Parameters[^1].ShouldBe(row.B1, Math.Abs(row.B1) * 1e-12);
        link.View.Step.ShouldBe(0);
    }

    [Fact]
    public void AnOldLiveLink_KeepsItsPresetLabel()
    {
        LiveLinks.Read(Rows().Single(r => r.Name == "demo-alpha-0.05").Link).Preset.ShouldBe("housing-live-demo");
        LiveLinks.Read(Rows().Single(r => r.Name == "uploaded-data").Link).Preset.ShouldBe(LiveLinks.Custom);
        LiveLinks.Read("live?preset=course-lab").Preset.ShouldBe("course-lab");
    }

    [Fact]
    public void AnOldLiveLink_ReadAgain_IsWrittenShort()
    {
        var link = LiveLinks.Read(Rows().Single(r => r.Name == "course-lab-sequential-500").Link);
        LiveLinks.Query(link.Scenario, link.View).ShouldBe("v=2&preset=course-lab&update=sequential&steps=500");
    }
}

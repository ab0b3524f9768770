using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>Every figure can be taken away: as SVG, and as PNG drawn by the browser at 1× and 2×.</summary>
[Collection("web")]
public sealed class DownloadTests(WebAppFixture web)
{
    [Fact]
    public async Task The_contour_view_downloads_as_svg_with_its_text_and_as_png_at_twice_its_size()
    {
        var page = await web.OpenAsync("/live");
        var figure = page.GetByTestId("contour-plot");
        var width = (int)Math.Round((await figure.BoundingBoxAsync())!.Width);

        await page.Locator("summary[aria-label^='Download this figure (contour)']").ClickAsync();
        var svgDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-svg-contour").ClickAsync());
        svgDownload.SuggestedFilename.ShouldBe("contour.svg");
        var svg = await File.ReadAllTextAsync((await svgDownload.PathAsync())!);
        svg.ShouldStartWith("<svg");
        svg.ShouldContain(">J (cost)</text>");
        svg.ShouldContain("current-point");
        svg.ShouldNotContain("var(--", Case.Sensitive, "the theme's colours are written out, not left as page variables");

        var pngDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-png2-contour").ClickAsync());
        pngDownload.SuggestedFilename.ShouldBe("contour@2x.png");
        var png = await File.ReadAllBytesAsync((await pngDownload.PathAsync())!);
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var pngWidth = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Math.Abs(pngWidth - (2 * width)).ShouldBeLessThanOrEqualTo(2);
        await page.CloseAsync();
    }
}

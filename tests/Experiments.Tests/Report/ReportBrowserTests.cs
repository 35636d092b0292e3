using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MusicClustering.Experiments.Tests.Report;

/// <summary>
/// Issue 15: report.html opened in headless Chromium. The dots are made by the page's script from its JSON data, so one
/// dot per track in the DOM proves the script runs, offline, on a page with a hostile file name in it.
/// </summary>
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_report_draws_one_point_per_track_in_chromium_and_saves_a_screenshot()
    {
        var (results, library) = ReportFixtures.Evaluate(groups: 4, perGroup: 10);
        var folder = Path.Combine(AppContext.BaseDirectory, "report-browser");
        Directory.CreateDirectory(folder);
        var page = Path.Combine(folder, "report.html");
        await File.WriteAllTextAsync(page, ExperimentReport.Render(results, library));
        var profile = Directory.CreateTempSubdirectory("report-chromium-").FullName;
        try
        {
            var dom = await HeadlessChromium.DumpDomAsync(page, profile);

            var points = Regex.Matches(dom, "<circle\\b[^>]*\\bdata-track=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(library.Index.Tracks.Select(t => t.Track).Order(StringComparer.Ordinal), points.Order(StringComparer.Ordinal));
            var legend = Regex.Match(dom, "<div id=\"map-legend\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Equal(library.Index.Clusters.Count, Regex.Count(legend, "class=\"swatch\""));
            Assert.DoesNotContain("<img src=\"x\"", dom, StringComparison.Ordinal);

            // A link to the hostile track selects it: the player gets its path relative to the page, each segment URL-encoded.
            var linked = await HeadlessChromium.DumpDomAsync(page, profile, "#track=t00");
            var source = Regex.Match(linked, "<audio id=\"player\"[^>]*\\bsrc=\"([^\"]*)\"").Groups[1].Value;
            Assert.StartsWith("evil/%3C/script%3E%3Cimg%20src%3Dx%20onerror%3Dalert", source, StringComparison.Ordinal);
            Assert.Matches("<circle\\b[^>]*class=\"point playing\"[^>]*data-track=\"t00\"", linked);

            var screenshot = Path.Combine(folder, "report.png");
            File.Delete(screenshot);
            await HeadlessChromium.ScreenshotAsync(page, screenshot, profile);
            Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or empty");
            output.WriteLine($"report: {page}; screenshot: {screenshot}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}

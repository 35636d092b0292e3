using System.Diagnostics;
using MusicClustering.TestSupport;

namespace MusicClustering.Experiments.Tests.Report;

/// <summary>
/// Debian's <c>chromium</c>, run headless on a file (deploy/local/install.sh --chromium installs it; test.sh passes that).
/// Missing, it fails the test that needs it and says how to install it: a browser check that did not run is not a pass.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Executable =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists)
        ?? throw new Xunit.Sdk.XunitException("chromium is not installed: run deploy/local/install.sh --chromium (./test.sh does)");

    /// <summary>The page's DOM after its scripts ran; <paramref name="fragment"/> (e.g. <c>#track=ID</c>) is appended to its URL.</summary>
    public static Task<string> DumpDomAsync(string page, string profile, string fragment = "") =>
        RunAsync(profile, "--dump-dom", new Uri(page).AbsoluteUri + fragment);

    public static Task ScreenshotAsync(string page, string png, string profile) =>
        RunAsync(profile, $"--screenshot={png}", "--window-size=1200,900", new Uri(page).AbsoluteUri);

    private static async Task<string> RunAsync(string profile, params string[] args)
    {
        var info = new ProcessStartInfo(Executable);
        foreach (var arg in (string[])["--headless", "--disable-gpu", "--no-sandbox", $"--user-data-dir={profile}", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        var what = $"chromium {string.Join(' ', args)}";
        var outcome = await CapturedProcess.RunAsync(info, Timeout, what);
        Assert.True(outcome.ExitCode == 0, $"{what} exited {outcome.ExitCode}: {outcome.Stderr}");
        return outcome.Stdout;
    }
}

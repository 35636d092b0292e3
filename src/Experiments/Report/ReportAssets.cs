namespace MusicClustering.Experiments.Report;

/// <summary>The report's script and style, kept as files in the repository and compiled in, so the page needs no network.</summary>
public static class ReportAssets
{
    public static string Script { get; } = Read("report.js");

    public static string Css { get; } = Read("report.css");

    private static string Read(string file)
    {
        var name = $"MusicClustering.Experiments.Report.{file}";
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

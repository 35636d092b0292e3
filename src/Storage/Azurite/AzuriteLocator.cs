namespace MusicClustering.Storage;

/// <summary>
/// Finds the azurite-blob entry point installed by deploy/local/install.sh: beside a build inside the repository, or,
/// for a published client that lives elsewhere, through the path install.sh records in
/// <c>$XDG_CONFIG_HOME/music-clustering/azurite-blob</c> (default <c>~/.config</c>).
/// </summary>
public static class AzuriteLocator
{
    /// <summary>Environment variable that overrides the search with an explicit path.</summary>
    public const string EnvironmentVariable = "AZURITE_BLOB";

    /// <summary>The install script, relative to the repository root.</summary>
    public const string InstallScript = "deploy/local/install.sh";

    private static readonly string ExecutableName = OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob";

    /// <summary>The one-line advice for a user without Azurite.</summary>
    public const string InstallAdvice =
        $"run {InstallScript} from a clone of the repository (it records where it put Azurite for every client), set {EnvironmentVariable} to an azurite-blob executable, or pass --gateway to use a running cluster";

    private static readonly string RelativeBin = Path.Combine("deploy", "local", "node_modules", ".bin", ExecutableName);

    /// <summary>The executable path, or null when Azurite is not installed anywhere we look.</summary>
    public static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        return FindAbove(AppContext.BaseDirectory, RelativeBin)
            ?? FindAbove(Directory.GetCurrentDirectory(), RelativeBin)
            ?? FindRecorded()
            ?? FindOnPath();
    }

    /// <summary>The install script above the app or the current folder, or null (used to self-install in tests).</summary>
    public static string? FindInstallScript() =>
        FindAbove(AppContext.BaseDirectory, InstallScript) ?? FindAbove(Directory.GetCurrentDirectory(), InstallScript);

    /// <summary>The file in which install.sh records the path of the azurite-blob it installed.</summary>
    public static string RecordFile()
    {
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(config))
        {
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(config, "music-clustering", "azurite-blob");
    }

    private static string? FindRecorded()
    {
        var record = RecordFile();
        if (!File.Exists(record))
        {
            return null;
        }

        var path = File.ReadAllText(record).Trim();
        return path.Length > 0 && File.Exists(path) ? path : null;
    }

    private static string? FindAbove(string start, string relative)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindOnPath()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, ExecutableName))
            .FirstOrDefault(File.Exists);
    }
}

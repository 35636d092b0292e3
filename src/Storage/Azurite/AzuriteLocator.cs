namespace MusicClustering.Storage;

/// <summary>Finds the azurite-blob entry point installed by deploy/local/install.sh.</summary>
public static class AzuriteLocator
{
    /// <summary>Environment variable that overrides the search with an explicit path.</summary>
    public const string EnvironmentVariable = "AZURITE_BLOB";

    /// <summary>The install script, relative to the repository root.</summary>
    public const string InstallScript = "deploy/local/install.sh";

    private static readonly string ExecutableName = OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob";

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
            ?? FindOnPath();
    }

    /// <summary>The install script above the app or the current folder, or null (used to self-install in tests).</summary>
    public static string? FindInstallScript() =>
        FindAbove(AppContext.BaseDirectory, InstallScript) ?? FindAbove(Directory.GetCurrentDirectory(), InstallScript);

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

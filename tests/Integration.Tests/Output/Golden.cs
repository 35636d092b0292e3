namespace MusicClustering.Integration.Tests.Output;

/// <summary>A checked-in text file of named sections (<c>## name</c>, then one line per entry) beside this source file.</summary>
internal static class Golden
{
    private static readonly Lock Writing = new();

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string file) =>
        ReadPath(Path.Combine(AppContext.BaseDirectory, "Output", file));

    private static Dictionary<string, IReadOnlyList<string>> ReadPath(string path)
    {
        var sections = new Dictionary<string, IReadOnlyList<string>>();
        List<string>? current = null;
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections[line[3..]] = current = [];
            }
            else if (line.Length > 0)
            {
                current?.Add(line);
            }
        }

        return sections;
    }

    /// <summary>Replaces one section of the source copy (not the copy in bin), keeping the others.</summary>
    public static void Write(string file, string section, IReadOnlyList<string> lines)
    {
        lock (Writing)
        {
            var path = Path.Combine(SourceFolder(), "Output", file);
            var sections = File.Exists(path) ? ReadPath(path) : [];
            sections[section] = lines;
            File.WriteAllLines(path, sections.OrderBy(s => s.Key, StringComparer.Ordinal).SelectMany(s => (string[])[$"## {s.Key}", .. s.Value, ""]));
        }
    }

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Integration.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Integration.Tests.csproj not found above the test binaries");
    }
}

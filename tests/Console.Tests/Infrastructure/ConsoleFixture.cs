namespace MusicClustering.Console.Tests;

/// <summary>
/// One private data folder and Azurite port for the whole suite. The first embedded command starts Azurite and leaves it
/// running (as it does for users); disposing runs `cluster stop`, which must stop it.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("mc-console-").FullName;

    public ConsoleFixture()
    {
        Cli = new ClusterCli(Path.Combine(_root, "data"), ClusterCli.FreePort());
    }

    public ClusterCli Cli { get; }

    /// <summary>A fresh folder for one test's files.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(_root, "files", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)])).FullName;

    /// <summary>A synthetic corpus written by `cluster generate`: <c>genre.nnnnn.wav</c> clips and a lyrics.csv.</summary>
    public async Task<string> GenerateAsync(string name, int genres = 2, int perGenre = 3, double seconds = 1)
    {
        var folder = NewFolder(name);
        ConsoleAssert.Succeeded(await Cli.RunAsync(
            "generate", "--genres", $"{genres}", "--per-genre", $"{perGenre}", "--seconds", $"{seconds}", "--seed", "3", "--out", folder));
        return folder;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        try
        {
            await Cli.RunAsync("stop");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}

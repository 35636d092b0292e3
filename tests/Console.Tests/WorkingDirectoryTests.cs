namespace MusicClustering.Console.Tests;

/// <summary>
/// The console reads its settings beside its binary and from the environment, never from the folder it is run in:
/// a stray appsettings.json there changes nothing, and no file watcher is put on that folder (which, run from a home
/// folder or a music library, would watch every folder below it).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class WorkingDirectoryTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task An_appsettings_file_in_the_working_directory_changes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("cluster-cwd-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Logging": { "LogLevel": { "Default": "Debug" } } }""");
            var cli = new ClusterCli(fixture.Cli.DataDirectory, fixture.Cli.AzuritePort) { WorkingDirectory = folder };

            var result = await cli.RunAsync("experiments");

            ConsoleAssert.Succeeded(result);
            // Read as host settings, this file turned on 89 debug and information lines of the embedded silo.
            Assert.DoesNotContain("dbug: ", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("info: ", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.CommandLine;
using MusicClustering.Client.Connection;
using MusicClustering.Client.Errors;
using MusicClustering.Client.Ingest;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// How a pipeline benchmark (<c>bench e2e</c>, <c>bench scale</c>) reaches its audio and its cluster, as a user with a
/// folder would: embedded silos read the folder in place under the library root <c>bench</c>; <c>--upload</c> copies it
/// into blobs instead; against a running cluster (<c>--gateway</c>) <c>--library-root NAME[/PATH]</c> names the silos'
/// root holding the folder, and without it the folder is uploaded.
/// </summary>
internal sealed class BenchAudioTarget
{
    private const string BenchRoot = "bench";

    public Option<bool> Upload { get; } = new("--upload") { Description = "Copy the audio into blob storage at ingest instead of reading it in place." };

    public Option<string?> LibraryRoot { get; } = new("--library-root")
    {
        Description = "Against a cluster: NAME[/PATH], the silos' library root holding the folder, to read it in place (otherwise it is uploaded).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Upload);
        command.Options.Add(LibraryRoot);
    }

    /// <summary>A folder given with <c>--audio</c> must exist (one line for the user, not a scan that fails later).</summary>
    public static void RequireFolder(string? given)
    {
        if (given is not null && !Directory.Exists(given))
        {
            throw new UserErrorException($"--audio {given}: no such folder");
        }
    }

    /// <summary>Where ingest records the folder's tracks in place, or null to upload them.</summary>
    public InPlaceTarget? InPlace(ParseResult parseResult, ClientSettings settings) =>
        parseResult.GetValue(LibraryRoot) is { } named ? InPlaceTarget.Parse(named)
        : settings.IsEmbedded && !parseResult.GetValue(Upload) ? new InPlaceTarget(BenchRoot, "")
        : null;

    /// <summary>N in-process silos whose library root <c>bench</c> is <paramref name="folder"/>, or the cluster at <c>--gateway</c>.</summary>
    public static async Task<BenchCluster> StartAsync(
        ClientSettings settings, int silos, int extractionsPerSilo, string folder, CancellationToken cancellationToken) =>
        settings.IsEmbedded
            ? await BenchCluster.StartEmbeddedAsync(
                settings, silos, extractionsPerSilo, new Dictionary<string, string> { [BenchRoot] = Path.GetFullPath(folder) }, cancellationToken)
            : await BenchCluster.ConnectAsync(settings, cancellationToken);
}

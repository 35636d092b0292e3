using System.CommandLine;
using MusicClustering.Client.Connection;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Experiments.Library;

namespace MusicClustering.Client.Commands.Library;

/// <summary>A finished experiment's library index and space, as the library commands load them, with one line for every reason they can't.</summary>
internal static class ExperimentLibrary
{
    public static Option<string> ExperimentOption() => new("--experiment") { Description = "Experiment id (see `cluster experiments`).", Required = true };

    public static async Task<(LibraryIndex Index, double[][] Space)> LoadAsync(ClusterSession session, string id, CancellationToken cancellationToken)
    {
        var experimentId = Names.ExperimentId(id);
        var status = await session.Client.GetGrain<IExperimentGrain>(experimentId).GetStatusAsync(cancellationToken)
            ?? throw ResultsCommand.NotFound(experimentId);
        if (status.Results is null)
        {
            throw new UserErrorException($"experiment '{experimentId}' has no results ({status.Stage}): `cluster watch {experimentId}` follows it");
        }

        return await LibraryStore.ReadAsync(session.Store, new ExperimentBlobs(experimentId), cancellationToken)
            ?? throw new UserErrorException(
                $"experiment '{experimentId}' ran before library indexes existed; submit it again (a new id) to query its tracks");
    }

    /// <summary>What the json of similar and assign writes for each neighbour.</summary>
    public static object Json(TrackNeighbour n) => new { track = n.Track, distance = n.Distance, path = n.Path };
}

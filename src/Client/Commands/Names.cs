using MusicClustering.Client.Errors;
using MusicClustering.Storage;

namespace MusicClustering.Client.Commands;

/// <summary>Checks the names a user types (datasets, experiment ids) before anything is started, with one line on what to type instead.</summary>
public static class Names
{
    public static string Dataset(string name) => Check(name, "dataset name", "--dataset");

    public static string ExperimentId(string id) => Check(id, "experiment id", "--id");

    public static string UpdateFrom(string id) => Check(id, "experiment id", "--update-from");

    private static string Check(string name, string what, string option)
    {
        try
        {
            return BlobPathValidator.ValidateSegment(name, option);
        }
        catch (ArgumentException ex)
        {
            var reason = ex.Message.Split(": ", 2) is [_, var why] ? why.TrimEnd('.').Replace(" (Parameter '" + option + "')", "", StringComparison.Ordinal).TrimEnd('.') : ex.Message;
            throw new UserErrorException($"{what} '{name}' cannot be used: {reason}; use letters, digits, '.', '-' or '_', e.g. {ReadableSegments.From(name)}", ex);
        }
    }
}

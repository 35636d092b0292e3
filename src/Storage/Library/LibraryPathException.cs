namespace MusicClustering.Storage;

/// <summary>
/// An in-place track's file cannot be read: its root is not configured, its path leaves the root, or the file is gone.
/// The track fails with <see cref="Reason"/> (one of the constants below) and the message; the run goes on.
/// </summary>
public sealed class LibraryPathException(string reason, string message) : Exception(message)
{
    /// <summary>The manifest names a root this silo was not configured with.</summary>
    public const string UnknownRoot = "library_root_unknown";

    /// <summary>The relative path is absolute, climbs out with "..", or reaches outside the root through a link.</summary>
    public const string Refused = "library_path_refused";

    /// <summary>The file does not exist (any more) under the root.</summary>
    public const string Missing = "audio_missing";

    public string Reason { get; } = reason;
}

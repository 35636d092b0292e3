namespace MusicClustering.Audio;

/// <summary>Audio input could not be decoded or used; <see cref="Reason"/> is one of <see cref="AudioFailureReasons"/>.</summary>
public sealed class AudioFormatException : Exception
{
    public AudioFormatException(string reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>Machine-readable failure code (see <see cref="AudioFailureReasons"/>).</summary>
    public string Reason { get; }
}

namespace MusicClustering.Storage;

/// <summary>Azurite was found but could not be started; the message carries the tail of its output.</summary>
public sealed class AzuriteStartException(string message) : InvalidOperationException(message);

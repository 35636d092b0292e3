using System.Text.Json;
using MusicClustering.Contracts;

namespace MusicClustering.Storage;

public sealed partial class ArtifactStore
{
    private const string JsonMediaType = "application/json";
    private const string BinaryMediaType = "application/octet-stream";

    /// <summary>JSON settings for artifacts: the product's one style (<see cref="ResultsJson"/>), on one line.</summary>
    public static JsonSerializerOptions JsonOptions => ResultsJson.Compact;

    /// <summary>Writes a row-major float matrix (<see cref="MatrixCodec"/> layout) and returns the ETag.</summary>
    public Task<string> WriteMatrixAsync(
        string container, string name, float[] data, int rows, int cols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var content = new BinaryData(MatrixCodec.Encode(data, rows, cols), BinaryMediaType);
        return UploadAsync(container, name, content, overwrite: true, cancellationToken);
    }

    /// <summary>Reads a matrix written by <see cref="WriteMatrixAsync"/>; throws <see cref="ArtifactNotFoundException"/>.</summary>
    public async Task<(float[] Data, int Rows, int Cols)> ReadMatrixAsync(
        string container, string name, CancellationToken cancellationToken = default)
    {
        var content = await DownloadAsync(container, name, cancellationToken);
        return MatrixCodec.Decode(content.ToMemory().Span);
    }

    /// <summary>Writes <paramref name="value"/> as JSON (overwriting) and returns the ETag.</summary>
    public Task<string> WriteJsonAsync<T>(string container, string name, T value, CancellationToken cancellationToken = default)
    {
        var content = new BinaryData(JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions), JsonMediaType);
        return UploadAsync(container, name, content, overwrite: true, cancellationToken);
    }

    /// <summary>Reads a JSON blob; throws <see cref="ArtifactNotFoundException"/> when missing.</summary>
    public async Task<T> ReadJsonAsync<T>(string container, string name, CancellationToken cancellationToken = default)
    {
        var content = await DownloadAsync(container, name, cancellationToken);
        return content.ToObjectFromJson<T>(JsonOptions)
            ?? throw new InvalidDataException($"Artifact '{container}/{name}' holds JSON null.");
    }

    /// <summary>Reads a JSON blob with its ETag (for read-modify-write with <see cref="TryUploadIfMatchAsync"/>), or null when missing.</summary>
    public async Task<(T Value, string ETag)?> TryReadJsonAsync<T>(
        string container, string name, CancellationToken cancellationToken = default)
    {
        var result = await TryDownloadAsync(container, name, cancellationToken);
        if (result is not { } found)
        {
            return null;
        }

        var value = found.Content.ToObjectFromJson<T>(JsonOptions)
            ?? throw new InvalidDataException($"Artifact '{container}/{name}' holds JSON null.");
        return (value, found.ETag);
    }

    /// <summary>Serialises <paramref name="value"/> as JSON content for the conditional uploads.</summary>
    public static BinaryData ToJsonContent<T>(T value) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions), JsonMediaType);
}

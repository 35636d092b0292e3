using System.Text.Json;
using System.Text.Json.Serialization;
using MusicClustering.Contracts;

namespace MusicClustering.Grains.Training;

/// <summary>JSON of the trainer's own state blobs. Statuses hold NaN losses before the first epoch, hence the literals.</summary>
internal static class TrainingJson
{
    public static readonly JsonSerializerOptions Options = new(ResultsJson.Options)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static BinaryData ToContent<T>(T value) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, Options), "application/json");

    public static T FromContent<T>(BinaryData content) =>
        content.ToObjectFromJson<T>(Options) ?? throw new InvalidDataException("The blob holds JSON null.");
}

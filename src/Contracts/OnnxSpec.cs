namespace MusicClustering.Contracts;

/// <summary>
/// A user-supplied ONNX audio encoder and how to feed it (representation <c>onnx</c>). <c>Model</c> is the file the
/// user named; <c>cluster submit</c> uploads it content-addressed and sets <c>ModelSha256</c>, the only thing silos
/// use (they never read a client path). The other fields mirror <c>OnnxEmbedderOptions</c> in snake_case; enum values
/// are kebab-case (<c>log-mel</c>, <c>batch-channel-mels-frames</c>, <c>natural-log</c>, <c>mean-std</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.OnnxSpec")]
public sealed record OnnxSpec(
    [property: Id(0)] string Model = "",
    [property: Id(1)] string? ModelSha256 = null,
    [property: Id(2)] string Input = "log-mel",
    [property: Id(3)] string Layout = "batch-channel-mels-frames",
    [property: Id(4)] int SampleRate = 22050,
    [property: Id(5)] int WindowLength = 2048,
    [property: Id(6)] int HopLength = 512,
    [property: Id(7)] int Mels = 128,
    [property: Id(8)] double FMin = 0,
    [property: Id(9)] double? FMax = null,
    [property: Id(10)] double Power = 2,
    [property: Id(11)] string LogScale = "decibels",
    [property: Id(12)] double? TopDb = 80,
    [property: Id(13)] double InputScale = 1,
    [property: Id(14)] double InputOffset = 0,
    [property: Id(15)] int PatchLength = 128,
    [property: Id(16)] int PatchHop = 0,
    [property: Id(17)] int BatchSize = 16,
    [property: Id(18)] string? InputName = null,
    [property: Id(19)] string? OutputName = null,
    [property: Id(20)] string Pooling = "mean");

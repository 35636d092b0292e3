namespace MusicClustering.Contracts;

/// <summary>A trainer's progress and, once completed, where its model and latents are.</summary>
[GenerateSerializer, Immutable, Alias("mc.TrainingStatus")]
public sealed record TrainingStatus(
    [property: Id(0)] TrainingState State,
    [property: Id(1)] int Epoch,
    [property: Id(2)] int TotalEpochs,
    [property: Id(3)] double Loss,
    [property: Id(4)] double Reconstruction,
    [property: Id(5)] double Kl,
    [property: Id(6)] string Device,
    [property: Id(7)] string Silo,
    [property: Id(8)] BlobRef? Latents,
    [property: Id(9)] BlobRef? Model,
    [property: Id(10)] string? Error,
    [property: Id(11)] BlobRef? Diagnostics = null,
    [property: Id(12)] BlobRef? LossCurve = null,
    [property: Id(13)] BlobRef? Traversal = null,
    [property: Id(14)] int ResumedFromEpoch = 0,
    [property: Id(15)] int CheckpointEpoch = 0)
{
    /// <summary>The silo whose activation trains the run (an Orleans silo address); null once released.</summary>
    [Id(16)]
    public string? Owner { get; init; }

    /// <summary>How many activations have owned this run: 1 for a run never interrupted, one more per takeover.</summary>
    [Id(17)]
    public int Claims { get; init; }

    /// <summary>The finished model's diagnostics (the full history is in the <see cref="Diagnostics"/> blob).</summary>
    [Id(18)]
    public LatentDiagnostics? LatentDiagnostics { get; init; }

    public bool IsFinished => State is TrainingState.Completed or TrainingState.Failed;

    /// <summary>
    /// The latents, model and diagnostics are stored: completed, or still running while the loss curve and traversal
    /// (already named here) render. An experiment clusters from here and waits for completion before its report.
    /// </summary>
    public bool LatentsReady => State == TrainingState.Completed || (State == TrainingState.Running && Latents is not null);

    public static TrainingStatus NotStarted { get; } =
        new(TrainingState.NotStarted, 0, 0, double.NaN, double.NaN, double.NaN, "", "", null, null, null);
}

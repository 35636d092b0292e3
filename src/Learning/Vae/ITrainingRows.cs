using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>How the VAE trainer visits its rows: kept whole (<see cref="ResidentRows"/>) or streamed (<see cref="StreamedRows"/>).</summary>
internal interface ITrainingRows : IDisposable
{
    FeatureScaler Scaler { get; }

    bool HasValidation { get; }

    /// <summary>One epoch of optimizer steps; the row-weighted mean loss terms.</summary>
    (double Loss, double Reconstruction, double Kl) RunEpoch(
        VaeModel model, AdamOptimizer optimizer, VaeOptions options, int epoch, double beta, CancellationToken cancellationToken);

    /// <summary>Validation loss with z = μ (no sampling), so it neither consumes nor depends on random state.</summary>
    double Validate(VaeModel model, double beta, CancellationToken cancellationToken);

    /// <summary>Encoder means of every row, in row order, into <paramref name="latents"/>; returns the mean reconstruction error.</summary>
    double Encode(VaeModel model, Action<ReadOnlyMemory<float>> latents, CancellationToken cancellationToken);
}

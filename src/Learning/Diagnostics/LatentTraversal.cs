namespace MusicClustering.Learning;

/// <summary>
/// Decoder outputs while one latent dimension sweeps <see cref="SweepValues"/> and the others stay at <see cref="Origin"/>.
/// <see cref="Decoded"/> is laid out [dimension, step, feature] row-major, in standardised feature units.
/// </summary>
public sealed record LatentTraversal(int LatentDim, int Features, float[] Origin, IReadOnlyList<double> SweepValues, float[] Decoded)
{
    public int Steps => SweepValues.Count;

    public float At(int dimension, int step, int feature) => Decoded[(((dimension * Steps) + step) * Features) + feature];

    /// <summary>Sweeps each dimension from origin−range to origin+range in <paramref name="steps"/> even steps.</summary>
    public static LatentTraversal Compute(ILatentDecoder model, float[]? origin = null, int steps = 9, double range = 3)
    {
        if (steps < 2 || range <= 0)
        {
            throw new ArgumentException("A traversal needs at least two steps and a positive range.");
        }

        origin ??= new float[model.LatentDim];
        if (origin.Length != model.LatentDim)
        {
            throw new ArgumentException($"Origin must have {model.LatentDim} values.");
        }

        var offsets = Enumerable.Range(0, steps).Select(s => -range + (2 * range * s / (steps - 1))).ToArray();
        var latents = new float[model.LatentDim * steps * model.LatentDim];
        for (var d = 0; d < model.LatentDim; d++)
        {
            for (var s = 0; s < steps; s++)
            {
                var row = ((d * steps) + s) * model.LatentDim;
                origin.CopyTo(latents, row);
                latents[row + d] += (float)offsets[s];
            }
        }

        return new LatentTraversal(model.LatentDim, model.DecodedFeatures, origin, offsets, model.Decode(latents));
    }
}

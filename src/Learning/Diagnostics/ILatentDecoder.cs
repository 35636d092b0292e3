namespace MusicClustering.Learning;

/// <summary>A trained VAE's decoder, as latent traversals need it: latent rows in, decoded rows out.</summary>
public interface ILatentDecoder
{
    int LatentDim { get; }

    /// <summary>Values per decoded row: feature columns for the fully connected VAE, bands × frames for a patch VAE.</summary>
    int DecodedFeatures { get; }

    /// <summary>Decodes latent rows (rows × LatentDim, row-major) to rows × DecodedFeatures, in the model's standardised units.</summary>
    float[] Decode(float[] latents);
}

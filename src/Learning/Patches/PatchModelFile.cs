using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>A trained patch model with its band scaler and options: embeds the tracks of any patch source.</summary>
public sealed class PatchModelFile : ILatentDecoder, IDisposable
{
    private const string Magic = "MusicClustering.PatchModel";
    private const int FormatVersion = 1;

    private readonly PatchNetwork _network;

    private PatchModelFile(PatchNetwork network, int bands)
    {
        _network = network;
        Bands = bands;
    }

    public PatchModelOptions Options => _network.Options;

    public FeatureScaler Scaler => _network.Normalizer.Scaler;

    public int Bands { get; }

    /// <summary>Width of a track's embedding (after pooling).</summary>
    public int Dimension => Options.TrackEmbeddingDim;

    public int LatentDim => Options.EmbeddingDim;

    int ILatentDecoder.DecodedFeatures => Bands * Options.PatchFrames;

    internal static byte[] ToBytes(PatchNetwork network, int bands)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            BinaryFormat.WriteHeader(writer, Magic, FormatVersion);
            writer.Write(OptionsJson.Serialize(network.Options));
            writer.Write(bands);
            network.Normalizer.Scaler.Write(writer);
            BinaryFormat.WriteBytes(writer, ModuleState.Save(network.Module));
        }

        return stream.ToArray();
    }

    public static PatchModelFile Load(byte[] bytes) => Load(new MemoryStream(bytes, writable: false));

    public static PatchModelFile Load(Stream stream)
    {
        TorchNativeLoader.EnsureLoaded();
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        BinaryFormat.ReadHeader(reader, Magic, FormatVersion);
        var options = OptionsJson.Deserialize<PatchModelOptions>(reader.ReadString());
        var bands = reader.ReadInt32();
        var scaler = FeatureScaler.Read(reader);
        var state = BinaryFormat.ReadBytes(reader) ?? throw new InvalidDataException("Model file lacks weights.");
        var network = PatchNetwork.Create(bands, options, new PatchNormalizer(scaler, CPU), null);
        ModuleState.Load(network.Module, state);
        network.Module.eval();
        return new PatchModelFile(network, bands);
    }

    /// <summary>Pooled embeddings of every track of <paramref name="source"/>, tracks × Dimension, row-major.</summary>
    public float[] Embed(IPatchSource source, CancellationToken cancellationToken = default)
    {
        RequireBands(source);
        return PatchInference.EmbedTracks(_network, source, CPU, cancellationToken);
    }

    /// <summary>
    /// ConvVae only: latent-space health over the source's grid patches (per-dimension KL, active units, total
    /// correlation, reconstruction error per patch in standardised units), the fully connected VAE's diagnostics.
    /// </summary>
    public VaeDiagnosticsReport Diagnose(IPatchSource source, CancellationToken cancellationToken = default)
    {
        RequireBands(source);
        var model = RequireVae().Model;
        var means = new List<float>();
        var logVars = new List<float>();
        double squaredError = 0;
        var latent = LatentDim;
        PatchInference.Map(source, Options, CPU, patches =>
        {
            var x = _network.Normalizer.Apply(patches);
            var (mean, logVar) = model.Encode(x);
            var error = (model.Decode(mean) - x).pow(Scalars.Two).flatten(1).sum(1, keepdim: true);
            return cat([mean, logVar, error], 1);
        }, (batch, output) =>
        {
            var width = (2 * latent) + 1;
            for (var i = 0; i < batch.Count; i++)
            {
                means.AddRange(output.AsSpan(i * width, latent));
                logVars.AddRange(output.AsSpan((i * width) + latent, latent));
                squaredError += output[(i * width) + (2 * latent)];
            }
        }, cancellationToken);
        var rows = means.Count / latent;
        return VaeDiagnostics.FromLatents([.. means], [.. logVars], rows, latent, squaredError / rows);
    }

    /// <summary>ConvVae only: decoded patches (rows × bands × frames, standardised units) of latent rows.</summary>
    public float[] Decode(float[] latents)
    {
        var vae = RequireVae();
        if (latents.Length % LatentDim != 0)
        {
            throw new ArgumentException($"Latent length {latents.Length} is not a multiple of {LatentDim}.");
        }

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var z = tensor(latents, [latents.Length / LatentDim, LatentDim]);
        return vae.Model.Decode(z).data<float>().ToArray();
    }

    public void Dispose() => _network.Dispose();

    private ConvVaeNetwork RequireVae() =>
        _network as ConvVaeNetwork ?? throw new InvalidOperationException($"A {Options.Kind} model has no decoder.");

    private void RequireBands(IPatchSource source)
    {
        if (source.Bands != Bands)
        {
            throw new ArgumentException($"The model was trained on {Bands} mel bands; the source has {source.Bands}.");
        }
    }
}

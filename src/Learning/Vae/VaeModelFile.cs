namespace MusicClustering.Learning;

/// <summary>A trained VAE with its scaler and options; encodes raw feature rows to latent means.</summary>
public sealed class VaeModelFile : ILatentDecoder, IDisposable
{
    private const string Magic = "MusicClustering.VaeModel";
    private const int FormatVersion = 1;

    private readonly VaeModel _model;

    private VaeModelFile(VaeModel model, VaeOptions options, FeatureScaler scaler)
    {
        _model = model;
        Options = options;
        Scaler = scaler;
    }

    public VaeOptions Options { get; }

    public FeatureScaler Scaler { get; }

    public int Columns => Scaler.Columns;

    public int LatentDim => Options.LatentDim;

    int ILatentDecoder.DecodedFeatures => Columns;

    internal static byte[] ToBytes(VaeModel model, VaeOptions options, FeatureScaler scaler)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            BinaryFormat.WriteHeader(writer, Magic, FormatVersion);
            writer.Write(OptionsJson.Serialize(options));
            scaler.Write(writer);
            BinaryFormat.WriteBytes(writer, ModuleState.Save(model));
        }

        return stream.ToArray();
    }

    public static VaeModelFile Load(byte[] bytes)
    {
        TorchNativeLoader.EnsureLoaded();
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        BinaryFormat.ReadHeader(reader, Magic, FormatVersion);
        var options = OptionsJson.Deserialize<VaeOptions>(reader.ReadString());
        var scaler = FeatureScaler.Read(reader);
        var state = BinaryFormat.ReadBytes(reader) ?? throw new InvalidDataException("Model file lacks weights.");
        var model = new VaeModel(scaler.Columns, options.HiddenSizes, options.LatentDim);
        ModuleState.Load(model, state);
        model.eval();
        return new VaeModelFile(model, options, scaler);
    }

    /// <summary>Latent means (rows × LatentDim, row-major) of raw, unscaled rows (rows × Columns, row-major).</summary>
    public float[] Encode(float[] rows) =>
        VaeInference.EncodeMeans(_model, Scaler.Transform(rows), Columns, TorchSharp.torch.CPU);

    /// <summary>Encoder means and log-variances (each rows × LatentDim, row-major) of raw, unscaled rows.</summary>
    public (float[] Means, float[] LogVars) EncodeDistribution(float[] rows) =>
        VaeInference.EncodeDistribution(_model, Scaler.Transform(rows), Columns, LatentDim, TorchSharp.torch.CPU);

    /// <summary>Decoder output in standardised feature units for latent rows (rows × LatentDim, row-major).</summary>
    public float[] Decode(float[] latents)
    {
        if (latents.Length % LatentDim != 0)
        {
            throw new ArgumentException($"Latent length {latents.Length} is not a multiple of {LatentDim}.");
        }

        return VaeInference.Decode(_model, latents, LatentDim, TorchSharp.torch.CPU);
    }

    /// <summary>Mean summed squared reconstruction error per row, in standardised units, decoding the latent means.</summary>
    public double ReconstructionError(float[] rows) =>
        VaeInference.ReconstructionError(_model, Scaler.Transform(rows), Columns, TorchSharp.torch.CPU);

    internal VaeModel Model => _model;

    public void Dispose() => _model.Dispose();
}

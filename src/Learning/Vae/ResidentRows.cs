using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// Small data kept whole on the device, with the exact per-epoch shuffle of all training rows (the results of every
/// run before streaming existed).
/// </summary>
internal sealed class ResidentRows : ITrainingRows
{
    private readonly float[] _standardized;
    private readonly int _columns;
    private readonly DataSplit _split;
    private readonly Device _device;
    private readonly Tensor _hostData;
    private readonly Tensor _data;

    public ResidentRows(IRowSource source, FeatureScaler? resumedScaler, VaeOptions options, Device device, CancellationToken cancellationToken)
    {
        var raw = new float[source.Rows * source.Columns];
        source.ReadAsync(new RowRange(0, source.Rows), raw, cancellationToken).GetAwaiter().GetResult();
        if (raw.Any(v => !float.IsFinite(v)))
        {
            throw new ArgumentException("Data contains NaN or infinite values.");
        }

        _columns = source.Columns;
        Scaler = resumedScaler
            ?? (options.Standardize ? FeatureScaler.Fit(raw, source.Rows, source.Columns) : FeatureScaler.Identity(source.Columns));
        _standardized = Scaler.Transform(raw);
        _split = DataSplit.Create(source.Rows, options.ValidationFraction, options.Seed);
        _device = device;
        _hostData = tensor(_standardized, [source.Rows, source.Columns]);
        _data = _hostData.to(device);
    }

    public FeatureScaler Scaler { get; }

    public bool HasValidation => _split.Validation.Length > 0;

    public (double Loss, double Reconstruction, double Kl) RunEpoch(
        VaeModel model, AdamOptimizer optimizer, VaeOptions options, int epoch, double beta, CancellationToken cancellationToken)
    {
        model.train();
        var epochSeed = EpochSeeds.For(options.Seed, epoch);
        model.NoiseGenerator?.manual_seed(epochSeed);
        var order = (long[])_split.Train.Clone();
        new Random(epochSeed).Shuffle(order);

        double loss = 0, reconstruction = 0, kl = 0;
        for (var start = 0; start < order.Length; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var count = Math.Min(options.BatchSize, order.Length - start);
            var batch = _data.index_select(0, tensor(order.AsSpan(start, count).ToArray()).to(_device));
            var terms = VaeBatchStep.Run(model, optimizer, batch, beta);
            loss += terms.Loss * count;
            reconstruction += terms.Reconstruction * count;
            kl += terms.Kl * count;
        }

        return (loss / order.Length, reconstruction / order.Length, kl / order.Length);
    }

    public double Validate(VaeModel model, double beta, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return VaeBatchStep.Validate(model, _data.index_select(0, tensor(_split.Validation).to(_device)), beta);
    }

    public double Encode(VaeModel model, Action<ReadOnlyMemory<float>> latents, CancellationToken cancellationToken)
    {
        latents(VaeInference.EncodeMeans(model, _standardized, _columns, _device));
        return VaeInference.ReconstructionError(model, _standardized, _columns, _device);
    }

    public void Dispose()
    {
        _data.Dispose();
        _hostData.Dispose();
    }
}

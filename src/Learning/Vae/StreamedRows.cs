using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// Large data streamed from the source a window at a time (<see cref="ChunkShufflePlan"/>, <see cref="RowWindowReader"/>):
/// memory is two windows and one batch, however many rows there are.
/// </summary>
internal sealed class StreamedRows : ITrainingRows
{
    private readonly IRowSource _source;
    private readonly ChunkShufflePlan _plan;
    private readonly int _windowRows;
    private readonly Device _device;

    public StreamedRows(IRowSource source, FeatureScaler? resumedScaler, VaeOptions options, RowStreaming streaming, Device device, CancellationToken cancellationToken)
    {
        _source = source;
        var chunksPerWindow = streaming.ChunksPerWindow(source.Columns);
        _windowRows = chunksPerWindow * streaming.ChunkRows;
        _plan = new ChunkShufflePlan(source.Rows, streaming.ChunkRows, chunksPerWindow, options.ValidationFraction, options.Seed);
        _device = device;
        Scaler = resumedScaler
            ?? (options.Standardize ? FeatureScaler.Fit(source, _windowRows, cancellationToken) : FeatureScaler.Identity(source.Columns));
    }

    public FeatureScaler Scaler { get; }

    public bool HasValidation => _plan.Validation.Count > 0;

    public (double Loss, double Reconstruction, double Kl) RunEpoch(
        VaeModel model, AdamOptimizer optimizer, VaeOptions options, int epoch, double beta, CancellationToken cancellationToken)
    {
        model.train();
        model.NoiseGenerator?.manual_seed(EpochSeeds.For(options.Seed, epoch));
        var columns = _source.Columns;
        var batch = new float[options.BatchSize * columns];
        using var host = new HostBatch(options.BatchSize, columns);
        var filled = 0;
        double loss = 0, reconstruction = 0, kl = 0;
        void Step(int count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var terms = VaeBatchStep.Run(model, optimizer, host.Fill(batch, count, _device), beta);
            loss += terms.Loss * count;
            reconstruction += terms.Reconstruction * count;
            kl += terms.Kl * count;
        }

        foreach (var (window, values) in RowWindowReader.Read(_source, _plan.Epoch(epoch), _windowRows, Scaler, cancellationToken))
        {
            foreach (var position in window.Order!)
            {
                values.AsSpan(position * columns, columns).CopyTo(batch.AsSpan(filled * columns));
                if (++filled == options.BatchSize)
                {
                    Step(filled);
                    filled = 0;
                }
            }
        }

        if (filled > 0)
        {
            Step(filled);
        }

        return (loss / _plan.TrainRows, reconstruction / _plan.TrainRows, kl / _plan.TrainRows);
    }

    public double Validate(VaeModel model, double beta, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = no_grad();
        using var host = new HostBatch(_windowRows, _source.Columns);
        double total = 0;
        var rows = 0;
        foreach (var (window, values) in RowWindowReader.Read(_source, ChunkShufflePlan.InOrder(_plan.Validation, _windowRows), _windowRows, Scaler, cancellationToken))
        {
            using var scope = NewDisposeScope();
            total += (double)VaeBatchStep.Validate(model, host.Fill(values, window.Rows, _device), beta) * window.Rows;
            rows += window.Rows;
        }

        return total / rows;
    }

    public double Encode(VaeModel model, Action<ReadOnlyMemory<float>> latents, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = no_grad();
        var columns = _source.Columns;
        using var host = new HostBatch(_windowRows, columns);
        double error = 0;
        var windows = ChunkShufflePlan.InOrder([new RowRange(0, _source.Rows)], _windowRows);
        foreach (var (window, values) in RowWindowReader.Read(_source, windows, _windowRows, Scaler, cancellationToken))
        {
            using var scope = NewDisposeScope();
            var rows = host.Fill(values, window.Rows, _device);
            var mean = model.Encode(rows).Mean;
            var difference = model.Decode(mean).to_type(ScalarType.Float64) - rows.to_type(ScalarType.Float64);
            error += difference.pow(Scalars.Two).sum().item<double>();
            latents(mean.cpu().data<float>().ToArray());
        }

        return error / _source.Rows;
    }

    public void Dispose()
    {
    }
}

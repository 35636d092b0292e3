using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// Trains a (β-)VAE synchronously on the calling thread (give it a dedicated one). Deterministic on CPU for a given seed.
/// </summary>
public sealed class VaeTrainer
{
    public VaeTrainingResult Train(
        VaeTrainingInput input,
        VaeOptions options,
        IProgress<EpochProgress>? progress,
        CancellationToken cancellationToken)
    {
        input.Validate();
        options.Validate(input.Columns);
        input.ResumeFrom?.EnsureCompatible(options, input.Columns);
        TorchNativeLoader.EnsureLoaded();
        set_num_threads(options.TorchThreads);
        var device = VaeDevice.Resolve(options.Device);
        using var flush = DenormalFlush.OnThisThread(device.type == DeviceType.CPU);

        var resume = input.ResumeFrom;
        var scaler = resume?.Scaler
            ?? (options.Standardize ? FeatureScaler.Fit(input.Data, input.Rows, input.Columns) : FeatureScaler.Identity(input.Columns));
        var standardized = scaler.Transform(input.Data);
        var split = DataSplit.Create(input.Rows, options.ValidationFraction, options.Seed);

        // Weights are drawn on the CPU (same values whatever the device); noise comes from a generator on the device.
        using var initGenerator = new Generator((ulong)options.Seed);
        using var noiseGenerator = new Generator((ulong)options.Seed, device);
        using var model = new VaeModel(input.Columns, options.HiddenSizes, options.LatentDim);
        model.ResetParameters(initGenerator);
        if (resume is not null)
        {
            ModuleState.Load(model, resume.ModelState);
        }

        model.to(device);
        model.NoiseGenerator = noiseGenerator;
        using var optimizer = new AdamOptimizer(model.parameters(), options.LearningRate);
        if (resume?.OptimizerState is { } optimizerState)
        {
            optimizer.LoadState(optimizerState);
        }

        using var hostData = tensor(standardized, [input.Rows, input.Columns]);
        using var data = hostData.to(device);
        var history = new List<EpochProgress>(resume?.History ?? []);
        var stopping = new EarlyStopping(options.EarlyStoppingPatience, resume?.BestValidationLoss, resume?.EpochsSinceImprovement ?? 0);

        for (var epoch = resume?.Epoch ?? 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var beta = options.BetaAt(epoch);
            var stats = RunEpoch(model, optimizer, data, split.Train, options, epoch, beta, device, cancellationToken);
            var validation = split.Validation.Length > 0 ? Validate(model, data, split.Validation, beta, device) : (double?)null;
            var report = new EpochProgress(epoch + 1, options.Epochs, stats.Loss, stats.Reconstruction, stats.Kl, validation, clock.Elapsed.TotalSeconds);
            history.Add(report);
            progress?.Report(report);

            var stop = stopping.ShouldStop(validation);
            if (input.OnCheckpoint is { } onCheckpoint && options.CheckpointEveryEpochs > 0 && (epoch + 1) % options.CheckpointEveryEpochs == 0)
            {
                onCheckpoint(new VaeCheckpoint(
                    epoch + 1, options, input.Columns, scaler, ModuleState.Save(model), optimizer.SaveState(),
                    [.. history], stopping.BestLoss, stopping.EpochsSinceImprovement));
            }

            if (stop)
            {
                break;
            }
        }

        model.eval();
        return new VaeTrainingResult(
            VaeInference.EncodeMeans(model, standardized, input.Columns, device),
            options.LatentDim,
            history,
            VaeModelFile.ToBytes(model, options, scaler),
            device.type.ToString().ToLowerInvariant(),
            VaeInference.ReconstructionError(model, standardized, input.Columns, device));
    }

    private static (double Loss, double Reconstruction, double Kl) RunEpoch(
        VaeModel model, AdamOptimizer optimizer, Tensor data, long[] trainRows, VaeOptions options, int epoch, double beta,
        Device device, CancellationToken cancellationToken)
    {
        model.train();
        var epochSeed = EpochSeeds.For(options.Seed, epoch);
        model.NoiseGenerator?.manual_seed(epochSeed);
        var order = (long[])trainRows.Clone();
        new Random(epochSeed).Shuffle(order);

        double loss = 0, reconstruction = 0, kl = 0;
        for (var start = 0; start < order.Length; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var count = Math.Min(options.BatchSize, order.Length - start);
            var batch = data.index_select(0, tensor(order.AsSpan(start, count).ToArray()).to(device));

            var (output, mean, logVar) = model.forward(batch);
            var terms = VaeLoss.Compute(output, batch, mean, logVar, beta);
            terms.Total.backward();
            optimizer.Step();

            loss += terms.Total.item<float>() * count;
            reconstruction += terms.Reconstruction.item<float>() * count;
            kl += terms.Kl.item<float>() * count;
        }

        return (loss / order.Length, reconstruction / order.Length, kl / order.Length);
    }

    /// <summary>Validation loss with z = μ (no sampling), so it neither consumes nor depends on random state.</summary>
    private static double Validate(VaeModel model, Tensor data, long[] rows, double beta, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var batch = data.index_select(0, tensor(rows).to(device));
        var (mean, logVar) = model.Encode(batch);
        var terms = VaeLoss.Compute(model.Decode(mean), batch, mean, logVar, beta);
        return terms.Total.item<float>();
    }
}

using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// Trains a (β-)VAE synchronously on the calling thread (give it a dedicated one). Deterministic on CPU for a given seed.
/// Small data is kept whole; above <see cref="RowStreaming.ResidentFloats"/> the rows are streamed from the source.
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
        using ITrainingRows rows = input.Streaming.KeepsResident(input.Source)
            ? new ResidentRows(input.Source, resume?.Scaler, options, device, cancellationToken)
            : new StreamedRows(input.Source, resume?.Scaler, options, input.Streaming, device, cancellationToken);
        var scaler = rows.Scaler;

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

        var history = new List<EpochProgress>(resume?.History ?? []);
        var stopping = new EarlyStopping(options.EarlyStoppingPatience, resume?.BestValidationLoss, resume?.EpochsSinceImprovement ?? 0);

        for (var epoch = resume?.Epoch ?? 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var beta = options.BetaAt(epoch);
            var stats = rows.RunEpoch(model, optimizer, options, epoch, beta, cancellationToken);
            var validation = rows.HasValidation ? rows.Validate(model, beta, cancellationToken) : (double?)null;
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
        var collected = new List<float>();
        var reconstructionError = rows.Encode(
            model,
            chunk =>
            {
                if (input.Latents is { } sink)
                {
                    sink.WriteAsync(chunk, cancellationToken).GetAwaiter().GetResult();
                }
                else
                {
                    collected.AddRange(chunk.Span);
                }
            },
            cancellationToken);
        return new VaeTrainingResult(
            [.. collected],
            options.LatentDim,
            history,
            VaeModelFile.ToBytes(model, options, scaler),
            device.type.ToString().ToLowerInvariant(),
            reconstructionError);
    }
}

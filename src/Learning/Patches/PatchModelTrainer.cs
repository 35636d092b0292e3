using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// Trains a <c>conv-vae</c> or <c>contrastive</c> patch model synchronously on the calling thread (give it a dedicated
/// one), streaming mini-batches from the source, then embeds every track. Deterministic on the CPU for a seed and
/// thread count, also when resumed from a checkpoint.
/// </summary>
public sealed class PatchModelTrainer
{
    public PatchModelResult Train(
        PatchTrainingInput input, PatchModelOptions options, IProgress<EpochProgress>? progress, CancellationToken cancellationToken)
    {
        var source = input.Source;
        options.Validate(source.Bands);
        if (source.TrackFrames.Count < (options.Kind == PatchModelKind.Contrastive ? 2 : 1))
        {
            throw new ArgumentException($"A {options.Kind} model needs more tracks than {source.TrackFrames.Count}.");
        }

        var resume = input.ResumeFrom;
        resume?.EnsureCompatible(options, source.Bands);
        TorchNativeLoader.EnsureLoaded();
        set_num_threads(options.TorchThreads);
        var device = VaeDevice.Resolve(options.Device);
        using var flush = DenormalFlush.OnThisThread(device.type == DeviceType.CPU);

        var scaler = resume?.Scaler ?? BandScaler.Fit(source, options.PatchFrames, 64, cancellationToken);
        using var initGenerator = new Generator((ulong)options.Seed);
        using var generator = new Generator((ulong)options.Seed, device);
        using var network = PatchNetwork.Create(source.Bands, options, new PatchNormalizer(scaler, device), generator);
        ParameterInit.Reset(network.Module, initGenerator);
        if (resume is not null)
        {
            ModuleState.Load(network.Module, resume.ModelState);
        }

        network.Module.to(device);
        using var optimizer = new AdamOptimizer(network.Module.parameters(), options.LearningRate);
        if (resume is not null)
        {
            optimizer.LoadState(resume.OptimizerState);
        }

        var history = new List<EpochProgress>(resume?.History ?? []);
        for (var epoch = resume?.Epoch ?? 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var (loss, reconstruction, kl) = RunEpoch(network, optimizer, source, epoch, generator, device, cancellationToken);
            var report = new EpochProgress(epoch + 1, options.Epochs, loss, reconstruction, kl, null, clock.Elapsed.TotalSeconds);
            history.Add(report);
            progress?.Report(report);
            if (input.OnCheckpoint is { } onCheckpoint && options.CheckpointEveryEpochs > 0 && (epoch + 1) % options.CheckpointEveryEpochs == 0)
            {
                onCheckpoint(new PatchModelCheckpoint(
                    epoch + 1, options, source.Bands, scaler, ModuleState.Save(network.Module), optimizer.SaveState(), [.. history]));
            }
        }

        var embeddings = PatchInference.EmbedTracks(network, source, device, cancellationToken);
        return new PatchModelResult(
            embeddings,
            source.TrackFrames.Count,
            options.TrackEmbeddingDim,
            history,
            PatchModelFile.ToBytes(network, source.Bands),
            device.type.ToString().ToLowerInvariant());
    }

    private static (double Loss, double Reconstruction, double Kl) RunEpoch(
        PatchNetwork network, AdamOptimizer optimizer, IPatchSource source, int epoch, Generator generator, Device device,
        CancellationToken cancellationToken)
    {
        var options = network.Options;
        network.Module.train();
        generator.manual_seed(EpochSeeds.For(options.Seed, epoch));
        var plan = PatchPlan.Training(source.TrackFrames, options.PatchFrames, options.TracksPerBatch, options.ViewsPerTrack, options.Seed, epoch);

        double loss = 0, reconstruction = 0, kl = 0;
        long patches = 0;
        foreach (var batch in source.Read(plan, options.PatchFrames, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var terms = network.Loss(PatchInference.ToTensor(batch, device), epoch);
            terms.Total.backward();
            optimizer.Step();

            loss += terms.Total.item<float>() * batch.Count;
            reconstruction += terms.Reconstruction.item<float>() * batch.Count;
            kl += terms.Kl.item<float>() * batch.Count;
            patches += batch.Count;
        }

        return (loss / patches, reconstruction / patches, kl / patches);
    }
}

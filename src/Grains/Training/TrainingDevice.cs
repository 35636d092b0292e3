using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

/// <summary>The device a training attempt runs on, chosen once torch's warm-up (if one started) has finished with it.</summary>
internal static class TrainingDevice
{
    public static async Task<string> ResolveAsync(ComputeSettings compute, CancellationToken cancellationToken)
    {
        await TorchWarmUp.Completion.WaitAsync(cancellationToken);
        return await Task.Run(() => TorchDevices.Preferred(compute.HasGpu), cancellationToken);
    }
}

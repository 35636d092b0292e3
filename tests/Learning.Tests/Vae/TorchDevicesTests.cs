namespace MusicClustering.Learning.Tests;

public sealed class TorchDevicesTests
{
    [Fact]
    public void Cpu_is_chosen_when_cuda_is_not_allowed()
    {
        Assert.Equal("cpu", TorchDevices.Preferred(allowCuda: false));
    }

    [Fact]
    public void Cuda_is_chosen_when_allowed_only_if_torch_sees_a_gpu()
    {
        var preferred = TorchDevices.Preferred(allowCuda: true);

        Assert.Equal(TorchSharp.torch.cuda.is_available() ? "cuda" : "cpu", preferred);
    }

    [Fact]
    public void A_run_asked_for_cuda_reports_the_device_it_really_used()
    {
        var data = SyntheticData.Blobs(64, 6, clusters: 2, seed: 1);
        var options = new VaeOptions { HiddenSizes = [8], LatentDim = 2, Epochs = 1, Device = TorchDevices.Preferred(allowCuda: true) };

        var result = new VaeTrainer().Train(new VaeTrainingInput(data, 64, 6), options, null, CancellationToken.None);

        Assert.Equal(options.Device, result.Device);
    }
}

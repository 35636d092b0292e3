
using System.Security.Cryptography;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicClustering.Learning.Tests;

public sealed class TorchNativeLoaderTests
{
    [Fact]
    public void Ensure_loaded_is_idempotent_and_reports_a_status()
    {
        TorchNativeLoader.EnsureLoaded();
        var first = TorchNativeLoader.Status;
        TorchNativeLoader.EnsureLoaded();

        Assert.Equal(first, TorchNativeLoader.Status);
        Assert.NotEqual("not loaded yet", first);
    }

    [Fact]
    public void On_a_host_without_the_version_the_patched_copy_backs_TorchSharp()
    {
        TorchNativeLoader.EnsureLoaded();
        using var tensor = ones(2);

        if (TorchNativeLoader.LoadedPath is null)
        {
            Assert.StartsWith("default TorchSharp loading", TorchNativeLoader.Status);
            return;
        }

        Assert.Contains("music-clustering", TorchNativeLoader.LoadedPath);
        var original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        var expected = ElfVersionNeedPatcher.Patch(original, TorchNativeLoader.MissingVersion, [TorchNativeLoader.AnchorSymbol]);
        Assert.Equal(expected, File.ReadAllBytes(TorchNativeLoader.LoadedPath));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(original)), TorchNativeLoader.LoadedPath);

        // The NuGet cache's copy stays pristine (byte-identical to the one the build copied into bin).
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (File.Exists(cached))
        {
            Assert.Equal(SHA256.HashData(original), SHA256.HashData(File.ReadAllBytes(cached)));
        }

        Assert.Contains(TorchNativeLoader.LoadedPath, TorchNativeLoader.Status);
        var mapped = File.ReadAllLines("/proc/self/maps").Where(l => l.Contains("libLibTorchSharp.so")).ToList();
        Assert.NotEmpty(mapped);
        Assert.All(mapped, line => Assert.EndsWith(TorchNativeLoader.LoadedPath, line));
    }

    [Fact]
    public void Torch_works_after_loading()
    {
        TorchNativeLoader.EnsureLoaded();

        using var tensor = randn(3, 4);

        Assert.Equal([3L, 4L], tensor.shape);
    }

    [Fact]
    public void Two_training_steps_of_a_tiny_model_reduce_the_loss()
    {
        TorchNativeLoader.EnsureLoaded();
        manual_seed(1);
        using var model = nn.Linear(4, 1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var x = randn(64, 4);
        using var target = x.sum(1, keepdim: true);

        var losses = new List<float>();
        for (var step = 0; step < 2; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), target);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        using (no_grad())
        {
            using var after = nn.functional.mse_loss(model.forward(x), target);
            losses.Add(after.item<float>());
        }

        Assert.True(losses[2] < losses[0], $"loss did not decrease: {string.Join(", ", losses)}");
    }

    [Fact]
    public void On_linux_the_native_heap_keeps_torchs_per_step_blocks()
    {
        // Debian's glibc takes both thresholds; a failed P/Invoke or a refused value would leave training paging.
        TorchNativeLoader.EnsureLoaded();
        Assert.Equal(OperatingSystem.IsLinux(), TorchNativeLoader.HeapTuned);
    }
}

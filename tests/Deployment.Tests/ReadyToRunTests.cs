using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace MusicClustering.Deployment.Tests;

/// <summary>
/// src/ReadyToRun.targets: on linux-x64 the build output of the two silo hosts holds ReadyToRun images (precompiled
/// code beside the IL), for our assemblies and the packages', so a console command or a silo does not start by
/// JIT-compiling its whole start-up path.
/// </summary>
public sealed class ReadyToRunTests
{
    [Theory]
    [InlineData("src/Client", "cluster.dll")]
    [InlineData("src/Client", "MusicClustering.Grains.dll")]
    [InlineData("src/Client", "Orleans.Core.dll")]
    [InlineData("src/Client", "System.CommandLine.dll")]
    [InlineData("src/Client", "Azure.Storage.Blobs.dll")]
    [InlineData("src/Silo", "MusicClustering.Silo.dll")]
    [InlineData("src/Silo", "Orleans.Runtime.dll")]
    [InlineData("src/Silo", "TorchSharp.dll")]
    [InlineData("src/Silo", "MusicClustering.Audio.dll")]
    public void Host_output_assemblies_are_ReadyToRun_images(string project, string assembly)
    {
        if (RuntimeInformation.RuntimeIdentifier != "linux-x64")
        {
            return; // the build compiles images only where the SDK runs on linux-x64
        }

        var path = Path.Combine(RepoFiles.Root, project, "bin", BuildConfiguration(), "net10.0", assembly);
        using var pe = new PEReader(File.OpenRead(path));
        var header = pe.PEHeaders.CorHeader ?? throw new Xunit.Sdk.XunitException($"{path} is not a managed assembly");
        Assert.True(header.ManagedNativeHeaderDirectory.Size > 0, $"{path} is IL only: the ReadyToRun step of the build did not replace it");
    }

    // This test assembly's own output folder, bin/<Configuration>/net10.0/, names the configuration the hosts were built in.
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}

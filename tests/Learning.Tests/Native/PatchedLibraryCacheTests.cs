namespace MusicClustering.Learning.Tests;

public sealed class PatchedLibraryCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"learning-tests-{Guid.NewGuid():N}");
    private readonly byte[] _original =
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));

    private string GetOrCreate(params string[] roots) =>
        PatchedLibraryCache.GetOrCreate(_original, "libLibTorchSharp.so", TorchNativeLoader.MissingVersion, [TorchNativeLoader.AnchorSymbol], roots);

    [Fact]
    public void Writes_the_patched_copy_once_and_repairs_a_damaged_one()
    {
        var expected = ElfVersionNeedPatcher.Patch(_original, TorchNativeLoader.MissingVersion, [TorchNativeLoader.AnchorSymbol]);

        var path = GetOrCreate(_root);
        Assert.StartsWith(_root, path);
        Assert.Equal(expected, File.ReadAllBytes(path));
        var written = File.GetLastWriteTimeUtc(path);

        Assert.Equal(path, GetOrCreate(_root));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));

        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Equal(path, GetOrCreate(_root));
        Assert.Equal(expected, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Falls_back_to_the_next_root_when_one_is_unusable()
    {
        Directory.CreateDirectory(_root);
        var blocked = Path.Combine(_root, "a-file-not-a-directory");
        File.WriteAllText(blocked, "x");

        var path = GetOrCreate(blocked, Path.Combine(_root, "fallback"));

        Assert.StartsWith(Path.Combine(_root, "fallback"), path);
        Assert.True(File.Exists(path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

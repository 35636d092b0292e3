using MusicClustering.Client.Commands.Bench;

namespace MusicClustering.Integration.Tests.Bench;

public sealed class PageCacheWarmUpTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("page-cache-").FullName;

    [Fact]
    public void Every_byte_of_every_file_in_every_sub_folder_is_read()
    {
        // Sizes past the 1 MB read buffer and odd ones, so a per-file offset that carried over would skip or repeat.
        var sizes = new Dictionary<string, int> { ["a.wav"] = 3 * (1 << 20) + 17, ["jazz/b.wav"] = 1000, ["jazz/deep/c.au"] = (1 << 20) - 1, ["empty.wav"] = 0 };
        foreach (var (name, size) in sizes)
        {
            var path = Path.Combine(_folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, new byte[size]);
        }

        Assert.Equal(sizes.Values.Sum(v => (long)v), PageCacheWarmUp.ReadAll(_folder, CancellationToken.None));
        Assert.Contains(_folder, PageCacheWarmUp.Warm(_folder, CancellationToken.None), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

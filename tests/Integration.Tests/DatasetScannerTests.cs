using MusicClustering.Client.Ingest;

namespace MusicClustering.Integration.Tests;

public sealed class DatasetScannerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mc-scan-").FullName;

    [Fact]
    public void Labels_come_from_gtzan_names_and_sub_folders()
    {
        Touch("blues.00001.wav");
        Touch("untitled.wav");
        Touch(Path.Combine("jazz", "take five.wav"));
        Touch("notes.txt");
        var scan = DatasetScanner.Scan(_root, probe: null);
        var tracks = scan.Tracks.ToDictionary(t => t.FileName);
        Assert.Equal(3, tracks.Count);
        Assert.Equal("notes.txt", Assert.Single(scan.Skipped).Path);
        Assert.Equal("blues", tracks["blues.00001.wav"].Label);
        Assert.Equal("blues.00001", tracks["blues.00001.wav"].TrackId);
        Assert.Null(tracks["untitled.wav"].Label);
        Assert.Equal("jazz", tracks["take five.wav"].Label);
        Assert.DoesNotContain(" ", tracks["take five.wav"].TrackId);
        Assert.DoesNotContain("/", tracks["take five.wav"].TrackId);
    }

    [Fact]
    public void Missing_folder_is_a_clear_error() =>
        Assert.Contains("does not exist", Assert.Throws<MusicClustering.Client.Errors.UserErrorException>(() => DatasetScanner.Scan(Path.Combine(_root, "nope"))).Message);

    private void Touch(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

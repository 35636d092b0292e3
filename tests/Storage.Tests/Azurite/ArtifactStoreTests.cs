using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace MusicClustering.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ArtifactStoreTests(AzuriteFixture fixture)
{
    private readonly ArtifactStore _store = fixture.Store;

    private static string UniqueName(string file) => $"test-{Guid.NewGuid():N}/{file}";

    [Fact]
    public async Task Upload_download_round_trip_returns_same_bytes_and_etag()
    {
        var name = UniqueName("blob.bin");
        var payload = BinaryData.FromBytes([1, 2, 3, 250]);
        var etag = await _store.UploadAsync(BlobContainers.Models, name, payload, overwrite: false);

        Assert.Equal(payload.ToArray(), (await _store.DownloadAsync(BlobContainers.Models, name)).ToArray());
        var found = await _store.TryDownloadAsync(BlobContainers.Models, name);
        Assert.NotNull(found);
        Assert.Equal(etag, found.Value.ETag);
    }

    [Fact]
    public async Task Exists_reflects_uploads_and_deletes()
    {
        var name = UniqueName("exists.txt");
        Assert.False(await _store.ExistsAsync(BlobContainers.Experiments, name));
        await _store.UploadAsync(BlobContainers.Experiments, name, BinaryData.FromString("x"), overwrite: true);
        Assert.True(await _store.ExistsAsync(BlobContainers.Experiments, name));
        Assert.True(await _store.DeleteIfExistsAsync(BlobContainers.Experiments, name));
        Assert.False(await _store.ExistsAsync(BlobContainers.Experiments, name));
    }

    [Fact]
    public async Task Upload_if_absent_writes_only_once()
    {
        var name = UniqueName("once.txt");
        Assert.True(await _store.UploadIfAbsentAsync(BlobContainers.Datasets, name, BinaryData.FromString("first")));
        Assert.False(await _store.UploadIfAbsentAsync(BlobContainers.Datasets, name, BinaryData.FromString("second")));
        Assert.Equal("first", (await _store.DownloadAsync(BlobContainers.Datasets, name)).ToString());
    }

    [Fact]
    public async Task Upload_without_overwrite_throws_when_present()
    {
        var name = UniqueName("no-overwrite.txt");
        await _store.UploadAsync(BlobContainers.Datasets, name, BinaryData.FromString("a"), overwrite: false);
        await Assert.ThrowsAsync<ArtifactAlreadyExistsException>(
            () => _store.UploadAsync(BlobContainers.Datasets, name, BinaryData.FromString("b"), overwrite: false));
        await _store.UploadAsync(BlobContainers.Datasets, name, BinaryData.FromString("c"), overwrite: true);
        Assert.Equal("c", (await _store.DownloadAsync(BlobContainers.Datasets, name)).ToString());
    }

    [Fact]
    public async Task If_match_with_stale_etag_fails()
    {
        var name = UniqueName("state.json");
        var original = await _store.UploadAsync(BlobContainers.Experiments, name, BinaryData.FromString("v1"), overwrite: true);
        Assert.True(await _store.TryUploadIfMatchAsync(BlobContainers.Experiments, name, BinaryData.FromString("v2"), original));
        Assert.False(await _store.TryUploadIfMatchAsync(BlobContainers.Experiments, name, BinaryData.FromString("v3"), original));
        Assert.Equal("v2", (await _store.DownloadAsync(BlobContainers.Experiments, name)).ToString());
    }

    [Fact]
    public async Task Matrix_round_trip()
    {
        var name = BlobNames.Features("test-mfcc", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32));
        var data = Enumerable.Range(0, 6 * 20).Select(i => (i * 0.37f) - 5f).ToArray();
        await _store.WriteMatrixAsync(BlobContainers.Features, name, data, 6, 20);
        var (read, rows, cols) = await _store.ReadMatrixAsync(BlobContainers.Features, name);
        Assert.Equal((6, 20), (rows, cols));
        Assert.Equal(data, read);
    }

    [Fact]
    public async Task Json_round_trip_uses_the_products_snake_case_style()
    {
        var name = UniqueName("manifest.json");
        await _store.WriteJsonAsync(BlobContainers.Datasets, name, new SampleManifest("gtzan", 1000));
        Assert.Equal("""{"name":"gtzan","track_count":1000}""", (await _store.DownloadAsync(BlobContainers.Datasets, name)).ToString());
        Assert.Equal(new SampleManifest("gtzan", 1000), await _store.ReadJsonAsync<SampleManifest>(BlobContainers.Datasets, name));
        var withEtag = await _store.TryReadJsonAsync<SampleManifest>(BlobContainers.Datasets, name);
        Assert.NotNull(withEtag);
        Assert.True(await _store.TryUploadIfMatchAsync(
            BlobContainers.Datasets, name, ArtifactStore.ToJsonContent(withEtag.Value.Value with { TrackCount = 999 }), withEtag.Value.ETag));
    }

    [Fact]
    public async Task List_returns_names_under_prefix_in_order()
    {
        var prefix = $"list-{Guid.NewGuid():N}/";
        foreach (var file in new[] { "c.txt", "a.txt", "sub/b.txt" })
        {
            await _store.UploadAsync(BlobContainers.Experiments, prefix + file, BinaryData.FromString(file), overwrite: true);
        }

        await _store.UploadAsync(BlobContainers.Experiments, UniqueName("other.txt"), BinaryData.FromString("x"), overwrite: true);

        var names = new List<string>();
        await foreach (var name in _store.ListAsync(BlobContainers.Experiments, prefix))
        {
            names.Add(name);
        }

        Assert.Equal([prefix + "a.txt", prefix + "c.txt", prefix + "sub/b.txt"], names);
    }

    [Fact]
    public async Task Missing_blob_gives_clear_errors()
    {
        var name = UniqueName("missing.bin");
        var error = await Assert.ThrowsAsync<ArtifactNotFoundException>(() => _store.DownloadAsync(BlobContainers.Models, name));
        Assert.Contains($"models/{name}", error.Message, StringComparison.Ordinal);
        Assert.Null(await _store.TryDownloadAsync(BlobContainers.Models, name));
        await Assert.ThrowsAsync<ArtifactNotFoundException>(
            () => _store.DownloadToFileAsync(BlobContainers.Models, name, Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.bin")));
        await Assert.ThrowsAsync<ArtifactNotFoundException>(() => _store.ReadJsonAsync<SampleManifest>(BlobContainers.Models, name));
    }

    [Fact]
    public async Task Invalid_names_are_rejected_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _store.UploadAsync(BlobContainers.Models, "../escape.bin", BinaryData.FromString("x"), overwrite: true));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ExistsAsync("Bad_Container", "a.bin"));
    }

    [Fact]
    public async Task Containers_are_private()
    {
        foreach (var container in BlobContainers.All)
        {
            var policy = await _store.ServiceClient.GetBlobContainerClient(container).GetAccessPolicyAsync();
            Assert.Equal(PublicAccessType.None, policy.Value.BlobPublicAccess);
        }

        var name = UniqueName("secret.bin");
        await _store.UploadAsync(BlobContainers.Audio, name, BinaryData.FromString("secret"), overwrite: true);
        using var anonymous = new HttpClient();
        var response = await anonymous.GetAsync(new Uri(_store.Endpoint, $"{_store.Endpoint.AbsolutePath}/{BlobContainers.Audio}/{name}"));
        Assert.False(response.IsSuccessStatusCode, $"anonymous read returned {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Large_upload_is_staged_and_committed_atomically()
    {
        var name = UniqueName("large.bin");
        var payload = new byte[(9 * 1024 * 1024) + 123];
        new Random(42).NextBytes(payload);
        await _store.UploadAsync(BlobContainers.Audio, name, BinaryData.FromBytes(payload), overwrite: true);

        var blocks = await _store.ServiceClient.GetBlobContainerClient(BlobContainers.Audio)
            .GetBlockBlobClient(name).GetBlockListAsync(BlockListTypes.All);
        Assert.True(blocks.Value.CommittedBlocks.Count() >= 3, "content above the single-upload limit must go up in blocks");
        Assert.Empty(blocks.Value.UncommittedBlocks);
        Assert.Equal(payload, (await _store.DownloadAsync(BlobContainers.Audio, name)).ToArray());
    }

    [Fact]
    public async Task File_upload_and_download_stream_through_temp_files()
    {
        var folder = Directory.CreateTempSubdirectory("storage-tests-").FullName;
        try
        {
            var source = Path.Combine(folder, "source.bin");
            var payload = new byte[(5 * 1024 * 1024) + 7];
            new Random(7).NextBytes(payload);
            await File.WriteAllBytesAsync(source, payload);
            var name = UniqueName("file.bin");
            await _store.UploadFileAsync(BlobContainers.Audio, name, source, overwrite: false);

            var target = Path.Combine(folder, "nested", "target.bin");
            await _store.DownloadToFileAsync(BlobContainers.Audio, name, target);
            Assert.Equal(payload, await File.ReadAllBytesAsync(target));
            Assert.Equal(["target.bin"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Launcher_reuses_a_running_server_without_owning_it()
    {
        await using (var reused = await AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions { Port = fixture.Azurite.Port }, CancellationToken.None))
        {
            Assert.False(reused.OwnsProcess);
            Assert.Equal(fixture.Azurite.ConnectionString, reused.ConnectionString);
        }

        Assert.True(fixture.Azurite.OwnsProcess);
        Assert.True(await LocalPorts.AnswersAsync(fixture.Azurite.Port));
    }

    [Fact]
    public async Task Pinned_service_version_works_against_azurite()
    {
        var pinned = new ArtifactStore(new ArtifactStoreOptions
        {
            ConnectionString = fixture.Azurite.ConnectionString,
            ServiceVersion = "V2025_01_05",
        });
        var name = UniqueName("pinned.txt");
        await pinned.UploadAsync(BlobContainers.Models, name, BinaryData.FromString("pinned"), overwrite: false);
        Assert.Equal("pinned", (await _store.DownloadAsync(BlobContainers.Models, name)).ToString());
    }

    private sealed record SampleManifest(string Name, int TrackCount);
}

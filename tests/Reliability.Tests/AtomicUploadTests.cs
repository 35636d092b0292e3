using System.Diagnostics;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Reliability.Tests;

/// <summary>
/// Fault row 3, focused: a large upload staged in blocks and interrupted mid-way (its writer died or gave up) leaves
/// no new committed blob: readers see the previous version the whole time, before and after. This is what lets the
/// product treat "blob exists" as "blob complete" (the feature cache, checkpoints, results.json).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class AtomicUploadTests : IAsyncLifetime
{
    private const int BlockSize = 256 * 1024;
    private const int FileSize = 48 * 1024 * 1024;
    private const string BlobName = "atomicity/large.bin";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"mc-rel-large-{Guid.NewGuid():N}.bin");
    private AzuriteInstance? _azurite;
    private ArtifactStore _store = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        // One attempt: an interrupted upload must not be retried to completion behind the test's back.
        _store = new ArtifactStore(new ArtifactStoreOptions
        {
            ConnectionString = _azurite.ConnectionString,
            SingleUploadLimit = BlockSize,
            BlockSize = BlockSize,
            MaxAttempts = 1,
        });
        await _store.EnsureContainersAsync();
        var bytes = new byte[FileSize];
        new Random(3).NextBytes(bytes);
        await File.WriteAllBytesAsync(_file, bytes);
    }

    [Fact]
    public async Task An_interrupted_staged_upload_commits_nothing_and_readers_only_ever_see_the_previous_version()
    {
        var previous = BinaryData.FromString("version 1, complete");
        await _store.UploadAsync(BlobContainers.Experiments, BlobName, previous, overwrite: true);
        var blocks = _store.ServiceClient.GetBlobContainerClient(BlobContainers.Experiments).GetBlockBlobClient(BlobName);

        using var interrupt = new CancellationTokenSource();
        var upload = _store.UploadFileAsync(BlobContainers.Experiments, BlobName, _file, overwrite: true, interrupt.Token);
        var staged = 0;
        var reads = 0;
        var watch = Stopwatch.StartNew();
        while (staged < 8 && !upload.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            // A reader during staging sees the old blob, whole.
            AssertPrevious(await _store.TryDownloadAsync(BlobContainers.Experiments, BlobName), previous, "during the upload");
            reads++;
            staged = await StagedAsync(blocks);
        }

        Assert.False(upload.IsCompleted, $"the upload finished (or failed: {upload.Exception?.GetBaseException().Message}) before it could be interrupted; make the file larger");
        Assert.True(staged >= 8, $"expected staged blocks within 60 s, saw {staged}");
        await interrupt.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload);

        AssertPrevious(await _store.TryDownloadAsync(BlobContainers.Experiments, BlobName), previous, "after the interrupted upload");
        var committed = (await blocks.GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks.Count();
        Assert.True(committed == 0, $"the interrupted upload committed {committed} blocks");

        // The same upload left alone commits the whole file: the check above can tell the two apart.
        await _store.UploadFileAsync(BlobContainers.Experiments, BlobName, _file, overwrite: true);
        var complete = await _store.TryDownloadAsync(BlobContainers.Experiments, BlobName);
        var expected = await File.ReadAllBytesAsync(_file);
        Assert.True(complete is { } c && c.Content.ToMemory().Span.SequenceEqual(expected),
            "an uninterrupted upload should read back byte for byte");
        Assert.True(reads > 0, "the blob should have been read while the upload was staging");
    }

    [Fact]
    public async Task An_interrupted_first_upload_leaves_no_blob_at_all()
    {
        using var interrupt = new CancellationTokenSource();
        var name = "atomicity/new.bin";
        var upload = _store.UploadFileAsync(BlobContainers.Experiments, name, _file, overwrite: false, interrupt.Token);
        var blocks = _store.ServiceClient.GetBlobContainerClient(BlobContainers.Experiments).GetBlockBlobClient(name);
        var watch = Stopwatch.StartNew();
        while (!upload.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(await _store.ExistsAsync(BlobContainers.Experiments, name), "a blob being staged must not exist yet");
            if (await StagedAsync(blocks) >= 8)
            {
                break;
            }
        }

        Assert.False(upload.IsCompleted, "the upload finished before it could be interrupted; make the file larger");
        await interrupt.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload);
        Assert.False(await _store.ExistsAsync(BlobContainers.Experiments, name), "an interrupted first upload must leave no blob");
        Assert.Null(await _store.TryDownloadAsync(BlobContainers.Experiments, name));
    }

    public async Task DisposeAsync()
    {
        File.Delete(_file);
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static async Task<int> StagedAsync(BlockBlobClient blocks)
    {
        try
        {
            return (await blocks.GetBlockListAsync(BlockListTypes.Uncommitted)).Value.UncommittedBlocks.Count();
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Azurite answers 404 until the first block is staged.
            return 0;
        }
    }

    private static void AssertPrevious((BinaryData Content, string ETag)? read, BinaryData previous, string when)
    {
        Assert.True(read is not null, $"the previous blob vanished {when}");
        var content = read!.Value.Content.ToString();
        Assert.True(content == previous.ToString(), $"{when} a reader saw {read.Value.Content.ToMemory().Length} bytes that are not the previous version");
    }
}

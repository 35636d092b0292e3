using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace MusicClustering.Storage;

/// <summary>
/// Reads and writes product artifacts in Azure Blob Storage (or Azurite). Every call validates the container
/// and blob name, and runs through one Polly retry pipeline (<see cref="StorageResilience"/>).
/// Writes are atomic: a whole-blob Put, or staged blocks made visible by one Put Block List, so readers see
/// the old blob or the new one, never a partial blob.
/// </summary>
public sealed partial class ArtifactStore
{
    private readonly BlobServiceClient _service;
    private readonly ResiliencePipeline _pipeline;
    private readonly ArtifactStoreOptions _options;

    /// <summary>Creates a store; nothing is contacted until the first call.</summary>
    public ArtifactStore(ArtifactStoreOptions options, ILogger<ArtifactStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("ArtifactStoreOptions.ConnectionString is required.", nameof(options));
        }

        _options = options;
        _service = new BlobServiceClient(options.ConnectionString, StorageClientOptions.Create(options));
        _pipeline = StorageResilience.Build(options, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>The blob endpoint (no secrets), for logs.</summary>
    public Uri Endpoint => _service.Uri;

    /// <summary>The underlying client, for operations this class does not wrap.</summary>
    public BlobServiceClient ServiceClient => _service;

    /// <inheritdoc />
    public override string ToString() => $"ArtifactStore({Endpoint})";

    /// <summary>Creates every container in <see cref="BlobContainers.All"/> that is missing, all private.</summary>
    public async Task EnsureContainersAsync(CancellationToken cancellationToken = default)
    {
        // All at once: on a start-up path one round trip costs as much as five.
        await Task.WhenAll(BlobContainers.All.Select(container => RunAsync(
            "CreateContainer",
            token => _service.GetBlobContainerClient(container)
                .CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: token),
            cancellationToken)));
    }

    /// <summary>True when the blob exists.</summary>
    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = Blob(container, name);
        var response = await RunAsync("Exists", token => blob.ExistsAsync(token), cancellationToken);
        return response.Value;
    }

    /// <summary>
    /// Uploads the whole blob atomically and returns its new ETag. Without <paramref name="overwrite"/> an
    /// existing blob raises <see cref="ArtifactAlreadyExistsException"/>.
    /// </summary>
    public async Task<string> UploadAsync(
        string container, string name, BinaryData content, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            return await PutAsync(container, name, () => content.ToStream(), content.MediaType, conditions, cancellationToken);
        }
        catch (RequestFailedException e) when (!overwrite && IsConditionFailure(e))
        {
            throw new ArtifactAlreadyExistsException(container, name, e);
        }
    }

    /// <summary>
    /// Uploads only when no blob has that name (If-None-Match: *). Returns false when it already exists.
    /// A retry after a lost response can also report false for our own write; the content is then ours.
    /// </summary>
    public async Task<bool> UploadIfAbsentAsync(
        string container, string name, BinaryData content, CancellationToken cancellationToken = default) =>
        await TryCreateAsync(container, name, content, cancellationToken) is not null;

    /// <summary>Like <see cref="UploadIfAbsentAsync"/>, returning the new ETag, or null when the blob already exists.</summary>
    public Task<string?> TryCreateAsync(
        string container, string name, BinaryData content, CancellationToken cancellationToken = default) =>
        TryPutConditionallyAsync(container, name, content, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);

    /// <summary>
    /// Optimistic concurrency: replaces the blob only while its ETag is still <paramref name="etag"/> (If-Match).
    /// Returns false when someone else changed (or deleted) it; re-read and try again.
    /// </summary>
    public async Task<bool> TryUploadIfMatchAsync(
        string container, string name, BinaryData content, string etag, CancellationToken cancellationToken = default) =>
        await TryReplaceAsync(container, name, content, etag, cancellationToken) is not null;

    /// <summary>Like <see cref="TryUploadIfMatchAsync"/>, returning the new ETag, or null when the blob changed or is gone.</summary>
    public Task<string?> TryReplaceAsync(
        string container, string name, BinaryData content, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(etag);
        return TryPutConditionallyAsync(container, name, content, new BlobRequestConditions { IfMatch = new ETag(etag) }, cancellationToken);
    }

    /// <summary>Uploads a local file, streamed (staged blocks above the single-upload limit), and returns the ETag.</summary>
    public async Task<string> UploadFileAsync(
        string container, string name, string filePath, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            return await PutAsync(container, name, () => File.OpenRead(filePath), null, conditions, cancellationToken);
        }
        catch (RequestFailedException e) when (!overwrite && IsConditionFailure(e))
        {
            throw new ArtifactAlreadyExistsException(container, name, e);
        }
    }

    /// <summary>Deletes the blob (and its snapshots); false when it did not exist.</summary>
    public async Task<bool> DeleteIfExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = Blob(container, name);
        var response = await RunAsync(
            "Delete",
            token => blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: token),
            cancellationToken);
        return response.Value;
    }

    private async Task<string> PutAsync(
        string container,
        string name,
        Func<Stream> openContent,
        string? mediaType,
        BlobRequestConditions? conditions,
        CancellationToken cancellationToken)
    {
        var blob = Blob(container, name);
        var uploadOptions = new BlobUploadOptions
        {
            Conditions = conditions,
            HttpHeaders = mediaType is null ? null : new BlobHttpHeaders { ContentType = mediaType },
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = _options.SingleUploadLimit,
                MaximumTransferSize = _options.BlockSize,
            },
        };

        // Each try re-opens the content so a retried upload starts from byte 0.
        var response = await RunAsync(
            "Upload",
            async token =>
            {
                await using var stream = openContent();
                return await blob.UploadAsync(stream, uploadOptions, token);
            },
            cancellationToken);
        return response.Value.ETag.ToString();
    }

    private async Task<string?> TryPutConditionallyAsync(
        string container, string name, BinaryData content, BlobRequestConditions conditions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return await PutAsync(container, name, () => content.ToStream(), content.MediaType, conditions, cancellationToken);
        }
        catch (RequestFailedException e) when (IsConditionFailure(e) || (conditions.IfMatch is not null && IsNotFound(e)))
        {
            return null;
        }
    }

    private BlobClient Blob(string container, string name) =>
        _service.GetBlobContainerClient(BlobContainers.Validate(container)).GetBlobClient(BlobPathValidator.Validate(name));

    private async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state(ctx.CancellationToken),
                context,
                action);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsConditionFailure(RequestFailedException e) => e.Status is 409 or 412;

    private static bool IsNotFound(RequestFailedException e) => e.Status == 404;
}

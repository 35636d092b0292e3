namespace MusicClustering.Storage;

/// <summary>
/// The blob layout of the product. Each helper validates its inputs and returns the blob name inside the
/// container named in its summary; user-supplied text never reaches a blob name unchecked.
/// </summary>
public static class BlobNames
{
    private const int Sha256HexLength = 64;
    private const int MaxExtensionLength = 10;
    private const string ShardSuffix = ".segments.f32";
    private const string ShardCoverageSuffix = ".coverage.json";
    private const string ShardFolder = "shards/";

    /// <summary><c>{sha256}.{ext}</c> in <see cref="BlobContainers.Audio"/>.</summary>
    public static string Audio(string sha256, string extension) =>
        $"{Sha256(sha256)}.{Extension(extension)}";

    /// <summary><c>{dataset}/manifest.json</c> in <see cref="BlobContainers.Datasets"/>.</summary>
    public static string Manifest(string dataset) => DatasetFile(dataset, "manifest.json");

    /// <summary><c>{dataset}/{file}</c> (e.g. lyrics.csv) in <see cref="BlobContainers.Datasets"/>.</summary>
    public static string DatasetFile(string dataset, string file) => Join(dataset, file, nameof(dataset), nameof(file));

    /// <summary><c>{featureConfigKey}/{sha256}.f32</c> in <see cref="BlobContainers.Features"/>.</summary>
    public static string Features(string featureConfigKey, string audioSha256) =>
        $"{BlobPathValidator.ValidateSegment(featureConfigKey, nameof(featureConfigKey))}/{Sha256(audioSha256, nameof(audioSha256))}.f32";

    /// <summary><c>{featureConfigKey}/{sha256}.segments.f32</c> in <see cref="BlobContainers.Features"/>: one row per analysed segment.</summary>
    public static string FeatureSegments(string featureConfigKey, string audioSha256) =>
        Path.ChangeExtension(Features(featureConfigKey, audioSha256), ".segments.f32");

    /// <summary>
    /// <c>{featureConfigKey}/shards/{writer}-{sequence}.segments.f32</c> in <see cref="BlobContainers.Features"/>: the
    /// segment rows of many tracks, written together by one silo (each track's coverage names its shard and rows).
    /// </summary>
    public static string FeatureShard(string featureConfigKey, string writer, long sequence) =>
        $"{BlobPathValidator.ValidateSegment(featureConfigKey, nameof(featureConfigKey))}/{ShardFolder}" +
        $"{BlobPathValidator.ValidateSegment($"{writer}-{sequence:D6}", nameof(writer))}{ShardSuffix}";

    /// <summary>
    /// <c>{featureConfigKey}/shards/{writer}-{sequence}.coverage.json</c> beside the shard <paramref name="shardName"/>
    /// (a <see cref="FeatureShard"/> name): the coverage of every track whose rows the shard holds, written after the
    /// shard, so its presence means those tracks are cached.
    /// </summary>
    public static string FeatureShardCoverage(string shardName)
    {
        ArgumentNullException.ThrowIfNull(shardName);
        if (!shardName.EndsWith(ShardSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{shardName}' is not a feature shard name", nameof(shardName));
        }

        return shardName[..^ShardSuffix.Length] + ShardCoverageSuffix;
    }

    /// <summary>Whether <paramref name="blobName"/>, listed under <see cref="FeaturePrefix"/>, is a <see cref="FeatureShardCoverage"/> blob.</summary>
    public static bool IsFeatureShardCoverage(string featureConfigKey, string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        return blobName.StartsWith(FeaturePrefix(featureConfigKey) + ShardFolder, StringComparison.Ordinal)
            && blobName.EndsWith(ShardCoverageSuffix, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>{featureConfigKey}/{sha256}.json</c> in <see cref="BlobContainers.Features"/>: how much of the track was
    /// analysed; written last, so its presence means the vector and segments are complete.
    /// </summary>
    public static string FeatureCoverage(string featureConfigKey, string audioSha256) =>
        Path.ChangeExtension(Features(featureConfigKey, audioSha256), ".json");

    /// <summary>The prefix every blob of one feature config shares: <c>{featureConfigKey}/</c>.</summary>
    public static string FeaturePrefix(string featureConfigKey) =>
        $"{BlobPathValidator.ValidateSegment(featureConfigKey, nameof(featureConfigKey))}/";

    /// <summary>The audio hash of a <see cref="FeatureCoverage"/> name listed under <see cref="FeaturePrefix"/>, or null for any other blob.</summary>
    public static string? AudioOfFeatureCoverage(string featureConfigKey, string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var prefix = FeaturePrefix(featureConfigKey);
        const string extension = ".json";
        if (!blobName.StartsWith(prefix, StringComparison.Ordinal) || !blobName.EndsWith(extension, StringComparison.Ordinal))
        {
            return null;
        }

        var sha = blobName[prefix.Length..^extension.Length];
        return sha.Length == Sha256HexLength && sha.All(char.IsAsciiHexDigit) ? sha.ToLowerInvariant() : null;
    }

    /// <summary><c>{runId}/{file}</c> in <see cref="BlobContainers.Models"/>.</summary>
    public static string Model(string runId, string file) => Join(runId, file, nameof(runId), nameof(file));

    /// <summary><c>onnx/{sha256}.onnx</c> in <see cref="BlobContainers.Models"/>: a user's ONNX encoder, content-addressed.</summary>
    public static string OnnxModel(string modelSha256) => $"onnx/{Sha256(modelSha256, nameof(modelSha256))}.onnx";

    /// <summary>
    /// <c>onnx/{modelSha256}-{optionsHash}/{audioSha256}.json</c> in <see cref="BlobContainers.Features"/>: one track's
    /// ONNX embedding under one model and one set of options.
    /// </summary>
    public static string OnnxEmbedding(string modelSha256, string optionsHash, string audioSha256) =>
        $"onnx/{BlobPathValidator.ValidateSegment($"{Sha256(modelSha256, nameof(modelSha256))}-{optionsHash}", nameof(optionsHash))}/" +
        $"{Sha256(audioSha256, nameof(audioSha256))}.json";

    /// <summary><c>{experimentId}/{file}</c> in <see cref="BlobContainers.Experiments"/>.</summary>
    public static string Experiment(string experimentId, string file) =>
        Join(experimentId, file, nameof(experimentId), nameof(file));

    /// <summary>A safe segment from arbitrary user text; see <see cref="SafeSegments.From"/>.</summary>
    public static string SafeSegment(string userText) => SafeSegments.From(userText);

    /// <summary>Strict validation of a whole blob name; see <see cref="BlobPathValidator.Validate"/>.</summary>
    public static string Validate(string name) => BlobPathValidator.Validate(name);

    // The owner part is a single segment; the file part may be a relative path ("plots/loss.png").
    private static string Join(string owner, string file, string ownerParam, string fileParam)
    {
        var name = $"{BlobPathValidator.ValidateSegment(owner, ownerParam)}/{BlobPathValidator.Validate(file, fileParam)}";
        return BlobPathValidator.Validate(name, fileParam);
    }

    private static string Sha256(string sha256, string paramName = "sha256")
    {
        ArgumentNullException.ThrowIfNull(sha256, paramName);
        if (sha256.Length != Sha256HexLength || !sha256.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"Expected a SHA-256 as {Sha256HexLength} hex characters, got '{SafeSegments.From(sha256)}'.", paramName);
        }

        return sha256.ToLowerInvariant();
    }

    private static string Extension(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var bare = extension.StartsWith('.') ? extension[1..] : extension;
        if (bare.Length is 0 or > MaxExtensionLength || !bare.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException(
                $"Expected a file extension of 1-{MaxExtensionLength} ASCII letters or digits, got '{SafeSegments.From(extension)}'.",
                nameof(extension));
        }

        return bare.ToLowerInvariant();
    }
}

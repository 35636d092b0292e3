namespace MusicClustering.Storage.Tests;

public sealed class BlobNamesTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void Builds_the_layout()
    {
        Assert.Equal($"{Sha}.mp3", BlobNames.Audio(Sha.ToUpperInvariant(), ".MP3"));
        Assert.Equal("gtzan/manifest.json", BlobNames.Manifest("gtzan"));
        Assert.Equal("gtzan/lyrics.csv", BlobNames.DatasetFile("gtzan", "lyrics.csv"));
        Assert.Equal($"mfcc20-sr22050/{Sha}.f32", BlobNames.Features("mfcc20-sr22050", Sha));
        Assert.Equal("run-7/model.bin", BlobNames.Model("run-7", "model.bin"));
        Assert.Equal("exp-1/plots/loss.png", BlobNames.Experiment("exp-1", "plots/loss.png"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("../" + Sha)]
    [InlineData(Sha + "0")]
    public void Rejects_malformed_sha256(string sha) =>
        Assert.Throws<ArgumentException>(() => BlobNames.Audio(sha, "wav"));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("wav/../x")]
    [InlineData("verylongextension")]
    public void Rejects_malformed_extensions(string extension) =>
        Assert.Throws<ArgumentException>(() => BlobNames.Audio(Sha, extension));

    [Theory]
    [InlineData("..", "manifest.json")]
    [InlineData("a/b", "x.csv")]
    [InlineData("gtzan", "../other/manifest.json")]
    [InlineData("gtzan", "/abs.csv")]
    [InlineData("gtzan", "C:\\x.csv")]
    [InlineData("gtzan\u202E", "x.csv")]
    [InlineData("\uFF0E\uFF0E", "x.csv")]
    public void Rejects_traversal_in_owners_and_files(string owner, string file)
    {
        Assert.ThrowsAny<ArgumentException>(() => BlobNames.DatasetFile(owner, file));
        Assert.ThrowsAny<ArgumentException>(() => BlobNames.Model(owner, file));
        Assert.ThrowsAny<ArgumentException>(() => BlobNames.Experiment(owner, file));
    }

    [Fact]
    public void Container_names_follow_azure_rules()
    {
        Assert.Equal(["audio", "datasets", "features", "models", "experiments"], BlobContainers.All);
        foreach (var container in BlobContainers.All)
        {
            Assert.Equal(container, BlobContainers.Validate(container));
        }

        Assert.Throws<ArgumentException>(() => BlobContainers.Validate("Audio"));
        Assert.Throws<ArgumentException>(() => BlobContainers.Validate("a--b"));
        Assert.Throws<ArgumentException>(() => BlobContainers.Validate("ab"));
    }

    [Fact]
    public void Reads_the_audio_hash_back_from_a_listed_coverage_name_only()
    {
        var key = "stats-sr22050";
        Assert.Equal(Sha, BlobNames.AudioOfFeatureCoverage(key, BlobNames.FeatureCoverage(key, Sha.ToUpperInvariant())));
        Assert.StartsWith(BlobNames.FeaturePrefix(key), BlobNames.FeatureCoverage(key, Sha), StringComparison.Ordinal);
        Assert.Null(BlobNames.AudioOfFeatureCoverage(key, BlobNames.Features(key, Sha)));
        Assert.Null(BlobNames.AudioOfFeatureCoverage(key, BlobNames.FeatureSegments(key, Sha)));
        Assert.Null(BlobNames.AudioOfFeatureCoverage(key, BlobNames.FeatureShard(key, "silo-a", 3)));
        Assert.Null(BlobNames.AudioOfFeatureCoverage("other-key", BlobNames.FeatureCoverage(key, Sha)));
        Assert.Null(BlobNames.AudioOfFeatureCoverage(key, $"{key}/shards/{Sha}.json"));
        Assert.Null(BlobNames.AudioOfFeatureCoverage(key, BlobNames.FeatureShardCoverage(BlobNames.FeatureShard(key, "silo-a", 3))));
    }

    [Fact]
    public void A_shards_coverage_sits_beside_it_and_is_told_apart_from_every_other_feature_blob()
    {
        const string key = "stats-sr22050";
        var shard = BlobNames.FeatureShard(key, "silo-a", 3);

        var coverage = BlobNames.FeatureShardCoverage(shard);

        Assert.Equal($"{key}/shards/silo-a-000003.coverage.json", coverage);
        Assert.True(BlobNames.IsFeatureShardCoverage(key, coverage));
        Assert.False(BlobNames.IsFeatureShardCoverage("other-key", coverage));
        Assert.False(BlobNames.IsFeatureShardCoverage(key, shard));
        Assert.False(BlobNames.IsFeatureShardCoverage(key, BlobNames.FeatureCoverage(key, Sha)));
        Assert.Throws<ArgumentException>(() => (object)BlobNames.FeatureShardCoverage(BlobNames.FeatureCoverage(key, Sha)));
    }
}

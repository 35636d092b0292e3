using MusicClustering.Contracts;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Experiments.Tests;

/// <summary>Training streamed from a matrix blob in a real Azurite, and latents written back a chunk at a time.</summary>
public sealed class MatrixBlobRowsTests(AzuriteStoreFixture azurite) : IClassFixture<AzuriteStoreFixture>
{
    private const int Rows = 300;
    private const int Columns = 10;

    private static readonly VaeOptions Small = new() { HiddenSizes = [16], LatentDim = 3, Epochs = 4, BatchSize = 32, Seed = 11, ValidationFraction = 0.2 };

    private static float[] Data()
    {
        var random = new Random(4);
        return [.. Enumerable.Range(0, Rows * Columns).Select(i => (float)(random.NextDouble() * 4) + ((i / Columns) % 3))];
    }

    private async Task<MatrixBlobRowSource> Upload(string name, float[] data)
    {
        var blob = new BlobRef(BlobContainers.Experiments, $"tests/{name}-{Guid.NewGuid():N}.f32m");
        await azurite.Store.WriteMatrixAsync(blob, data, Rows, Columns);
        return await MatrixBlobRowSource.OpenAsync(azurite.Store, blob, CancellationToken.None);
    }

    [Fact]
    public async Task A_ranged_read_returns_exactly_those_rows()
    {
        var data = Data();
        var source = await Upload("ranges", data);
        var rows = new float[7 * Columns];

        await source.ReadAsync(new RowRange(123, 7), rows, CancellationToken.None);

        Assert.Equal((Rows, Columns), (source.Rows, source.Columns));
        Assert.Equal(data.AsSpan(123 * Columns, 7 * Columns).ToArray(), rows);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.ReadAsync(new RowRange(Rows - 2, 3), rows, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_or_foreign_blob_is_refused_when_opened()
    {
        var missing = new BlobRef(BlobContainers.Experiments, $"tests/missing-{Guid.NewGuid():N}.f32m");
        var foreign = new BlobRef(BlobContainers.Experiments, $"tests/foreign-{Guid.NewGuid():N}.json");
        await azurite.Store.WriteJsonAsync(foreign, new { rows = 3 });

        await Assert.ThrowsAsync<ArtifactNotFoundException>(() => MatrixBlobRowSource.OpenAsync(azurite.Store, missing, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidDataException>(() => MatrixBlobRowSource.OpenAsync(azurite.Store, foreign, CancellationToken.None));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L << 20)]
    public async Task Training_from_the_blob_equals_training_from_memory_bit_for_bit(long residentFloats)
    {
        var data = Data();
        var source = await Upload("train", data);
        var streaming = new RowStreaming { ResidentFloats = residentFloats, ChunkRows = 32, WindowFloats = 2 * 32 * Columns };

        var fromBlob = await Task.Run(() => new VaeTrainer().Train(new VaeTrainingInput(source) { Streaming = streaming }, Small, null, CancellationToken.None));
        var fromMemory = new VaeTrainer().Train(new VaeTrainingInput(new InMemoryRowSource(data, Rows, Columns)) { Streaming = streaming }, Small, null, CancellationToken.None);

        Assert.Equal(fromMemory.History.Select(h => (h.Loss, h.ValidationLoss)), fromBlob.History.Select(h => (h.Loss, h.ValidationLoss)));
        Assert.Equal(fromMemory.LatentMeans, fromBlob.LatentMeans);
        Assert.Equal(fromMemory.ModelBytes, fromBlob.ModelBytes);
        Assert.Equal(Rows * Small.LatentDim, fromBlob.LatentMeans.Length);
    }

    [Fact]
    public async Task Latents_written_a_chunk_at_a_time_read_back_as_one_matrix()
    {
        var data = Data();
        var source = await Upload("latents", data);
        var blob = new BlobRef(BlobContainers.Experiments, $"tests/latents-{Guid.NewGuid():N}.f32m");
        var streaming = new RowStreaming { ResidentFloats = 0, ChunkRows = 32, WindowFloats = 2 * 32 * Columns };
        var expected = new VaeTrainer().Train(new VaeTrainingInput(source) { Streaming = streaming }, Small, null, CancellationToken.None);

        await using (var writer = new MatrixBlobWriter(azurite.Store, blob, Rows, Small.LatentDim))
        {
            var streamed = new VaeTrainer().Train(new VaeTrainingInput(source) { Streaming = streaming, Latents = writer }, Small, null, CancellationToken.None);
            Assert.Empty(streamed.LatentMeans);
            await writer.CommitAsync(CancellationToken.None);
        }

        var stored = await azurite.Store.ReadMatrixAsync(blob);
        Assert.Equal((Rows, Small.LatentDim), (stored.Rows, stored.Cols));
        Assert.Equal(expected.LatentMeans, stored.Data);
    }

    [Fact]
    public async Task An_incomplete_matrix_is_never_uploaded()
    {
        var blob = new BlobRef(BlobContainers.Experiments, $"tests/partial-{Guid.NewGuid():N}.f32m");
        await using var writer = new MatrixBlobWriter(azurite.Store, blob, 4, 2);
        await writer.WriteAsync(new float[6], CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.CommitAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(new float[4], CancellationToken.None));
        Assert.False(await azurite.Store.ExistsAsync(blob));
    }
}

using Xunit.Abstractions;

namespace MusicClustering.Learning.Tests;

public sealed class StreamedTrainingTests(ITestOutputHelper output)
{
    private const int Rows = 240;
    private const int Columns = 12;

    private static readonly float[] Data = SyntheticData.Blobs(Rows, Columns, clusters: 4, seed: 3);

    private static readonly VaeOptions Small = new() { HiddenSizes = [32, 16], LatentDim = 4, Epochs = 6, BatchSize = 32, Seed = 7 };

    /// <summary>Streams however small the data: chunks of 16 rows, windows of 3 chunks.</summary>
    private static readonly RowStreaming Tiny = new() { ResidentFloats = 0, ChunkRows = 16, WindowFloats = 3 * 16 * Columns };

    private static VaeTrainingResult Train(IRowSource source, VaeOptions options, RowStreaming streaming, VaeCheckpoint? resumeFrom = null, Action<VaeCheckpoint>? onCheckpoint = null) =>
        new VaeTrainer().Train(new VaeTrainingInput(source, resumeFrom, onCheckpoint) { Streaming = streaming }, options, null, CancellationToken.None);

    [Fact]
    public void Streamed_training_learns_is_deterministic_and_encodes_every_row()
    {
        var source = new InMemoryRowSource(Data, Rows, Columns);

        var first = Train(source, Small with { Epochs = 20 }, Tiny);
        var second = Train(source, Small with { Epochs = 20 }, Tiny);
        var resident = Train(source, Small with { Epochs = 20 }, RowStreaming.Default);

        Assert.Equal(first.LatentMeans, second.LatentMeans);
        Assert.Equal(first.History.Select(h => h.Loss), second.History.Select(h => h.Loss));
        Assert.True(first.History[^1].Loss < first.History[0].Loss * 0.8, $"loss {first.History[0].Loss} -> {first.History[^1].Loss}");
        Assert.NotEqual(resident.History.Select(h => h.Loss), first.History.Select(h => h.Loss));
        Assert.Equal(Rows * 4, first.LatentMeans.Length);
        using var model = VaeModelFile.Load(first.ModelBytes);
        var encoded = model.Encode(Data);
        Assert.All(Enumerable.Range(0, encoded.Length), i => Assert.Equal(encoded[i], first.LatentMeans[i], 1e-5f));
        Assert.Equal(model.ReconstructionError(Data), first.FinalReconstructionError, 1e-4);
    }

    [Fact]
    public void A_streamed_run_resumed_from_a_checkpoint_finishes_like_an_uninterrupted_one()
    {
        var source = new InMemoryRowSource(Data, Rows, Columns);
        var checkpoints = new List<VaeCheckpoint>();
        var options = Small with { CheckpointEveryEpochs = 2, ValidationFraction = 0.2 };

        var uninterrupted = Train(source, options, Tiny, onCheckpoint: checkpoints.Add);
        var resumed = Train(source, options, Tiny, resumeFrom: VaeCheckpoint.FromBytes(checkpoints[0].ToBytes()));

        Assert.All(uninterrupted.History, h => Assert.True(h.ValidationLoss is > 0 and < double.MaxValue));
        Assert.Equal(uninterrupted.History.Select(h => h.Loss), resumed.History.Select(h => h.Loss));
        Assert.Equal(uninterrupted.LatentMeans, resumed.LatentMeans);
    }

    [Fact]
    public void Latents_go_to_the_sink_in_row_order_instead_of_the_result()
    {
        var source = new InMemoryRowSource(Data, Rows, Columns);
        var collected = Train(source, Small, Tiny);
        var sink = new CollectingSink();

        var streamed = new VaeTrainer().Train(new VaeTrainingInput(source) { Streaming = Tiny, Latents = sink }, Small, null, CancellationToken.None);

        Assert.Empty(streamed.LatentMeans);
        Assert.True(sink.Writes > 1, "written a window at a time");
        Assert.Equal(collected.LatentMeans, sink.Values);
    }

    [Fact]
    public void Non_finite_rows_are_rejected_while_streaming()
    {
        var data = (float[])Data.Clone();
        data[(200 * Columns) + 3] = float.NaN;

        Assert.Throws<ArgumentException>(() => new VaeTrainingInput(data, Rows, Columns));
        Assert.Throws<ArgumentException>(() => Train(new CountingRowSourceWithNaN(Data), Small, Tiny));
    }

    /// <summary>200k × 40 rows (32 MB) computed on demand: the trainer reads a window at a time and allocates bounded buffers.</summary>
    [Fact]
    public void Training_a_large_source_reads_chunks_and_allocates_far_less_than_the_data()
    {
        var source = new CountingRowSource(200_000, 40);
        var sink = new CountingSink();
        var options = new VaeOptions { HiddenSizes = [16], LatentDim = 4, Epochs = 1, BatchSize = 256, Seed = 3, ValidationFraction = 0 };
        var dataBytes = (long)source.Rows * source.Columns * sizeof(float);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = new VaeTrainer().Train(new VaeTrainingInput(source) { Latents = sink }, options, null, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"allocated {allocated / 1e6:0.0} MB on the training thread for {dataBytes / 1e6:0.0} MB of rows; largest read {source.LargestRead} rows");
        Assert.InRange((long)source.LargestRead * source.Columns, 1, RowStreaming.Default.WindowFloats);
        Assert.Equal(3L * source.Rows, source.RowsRead);
        Assert.Equal((long)source.Rows * 4, sink.Values);
        // Kept whole, the raw and standardised copies alone would be 2 × dataBytes; streamed, the allocations are the
        // window buffers (a few MB) and TorchSharp's per-batch tensor handles, garbage as soon as a step ends.
        Assert.True(allocated < dataBytes, $"allocated {allocated} bytes for {dataBytes} bytes of rows");
        Assert.True(double.IsFinite(result.History[^1].Loss));
    }

    private sealed class CollectingSink : IRowSink
    {
        public List<float> Values { get; } = [];

        public int Writes { get; private set; }

        public Task WriteAsync(ReadOnlyMemory<float> rows, CancellationToken cancellationToken)
        {
            Values.AddRange(rows.Span);
            Writes++;
            return Task.CompletedTask;
        }
    }

    private sealed class CountingSink : IRowSink
    {
        public long Values { get; private set; }

        public Task WriteAsync(ReadOnlyMemory<float> rows, CancellationToken cancellationToken)
        {
            Values += rows.Length;
            return Task.CompletedTask;
        }
    }

    /// <summary>The test data with one NaN, served without the in-memory source's up-front check.</summary>
    private sealed class CountingRowSourceWithNaN(float[] data) : IRowSource
    {
        public int Rows => StreamedTrainingTests.Rows;

        public int Columns => StreamedTrainingTests.Columns;

        public Task ReadAsync(RowRange range, Memory<float> destination, CancellationToken cancellationToken)
        {
            data.AsSpan(range.First * Columns, range.Count * Columns).CopyTo(destination.Span);
            if (range.First <= 200 && 200 < range.First + range.Count)
            {
                destination.Span[((200 - range.First) * Columns) + 3] = float.NaN;
            }

            return Task.CompletedTask;
        }
    }
}

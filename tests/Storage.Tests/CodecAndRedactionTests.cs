namespace MusicClustering.Storage.Tests;

public sealed class CodecAndRedactionTests
{
    [Fact]
    public void Matrix_codec_round_trips_and_is_little_endian()
    {
        float[] data = [1f, -2.5f, float.MaxValue, float.Epsilon, 0f, 3.25f];
        var bytes = MatrixCodec.Encode(data, 2, 3);
        Assert.Equal(MatrixCodec.HeaderSize + (6 * 4), bytes.Length);
        Assert.Equal("F32M"u8.ToArray(), bytes[..4]);
        Assert.Equal([2, 0, 0, 0], bytes[4..8]);
        Assert.Equal([3, 0, 0, 0], bytes[8..12]);
        Assert.Equal([0x00, 0x00, 0x80, 0x3F], bytes[12..16]); // 1.0f little-endian
        var (decoded, rows, cols) = MatrixCodec.Decode(bytes);
        Assert.Equal((2, 3), (rows, cols));
        Assert.Equal(data, decoded);
    }

    [Fact]
    public void Matrix_codec_rejects_shape_mismatch_and_corruption()
    {
        Assert.Throws<ArgumentException>(() => MatrixCodec.Encode(new float[5], 2, 3));
        var bytes = MatrixCodec.Encode(new float[6], 2, 3);
        Assert.Throws<InvalidDataException>(() => MatrixCodec.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        bytes[0] = (byte)'X';
        Assert.Throws<InvalidDataException>(() => MatrixCodec.Decode(bytes));
    }

    [Fact]
    public void Redacts_secrets_but_keeps_endpoint()
    {
        var redacted = RedactedConnectionString.Of(AzuriteDefaults.ConnectionString(12345));
        Assert.DoesNotContain(AzuriteDefaults.AccountKey, redacted, StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", redacted, StringComparison.Ordinal);
        Assert.Contains("BlobEndpoint=http://127.0.0.1:12345/devstoreaccount1", redacted, StringComparison.Ordinal);

        var sas = RedactedConnectionString.Of("BlobEndpoint=https://x.blob.core.windows.net;SharedAccessSignature=sv=2020&sig=SECRET");
        Assert.DoesNotContain("SECRET", sas, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:6379,password=SECRET", "127.0.0.1:6379,password=***")]
    [InlineData("redis:6379,ssl=true,Password=SECRET,abortConnect=false", "redis:6379,ssl=true,Password=***,abortConnect=false")]
    [InlineData("redis-a:6379,redis-b:6379,user=default,password=SE=CRET", "redis-a:6379,redis-b:6379,user=default,password=***")]
    [InlineData("redis:6379", "redis:6379")]
    public void RedactsRedisPasswordsAndKeepsEndpoints(string connectionString, string expected) =>
        Assert.Equal(expected, RedactedConnectionString.Of(connectionString));

    [Fact]
    public void HttpsConnectionStringNamesAnHttpsEndpoint() =>
        Assert.Contains("BlobEndpoint=https://127.0.0.1:10443/devstoreaccount1;", AzuriteDefaults.ConnectionString(10443, https: true), StringComparison.Ordinal);

    [Fact]
    public void Connection_string_points_at_loopback() =>
        Assert.Contains("BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;", AzuriteDefaults.ConnectionString(), StringComparison.Ordinal);

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(0, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(412, false)]
    public void Classifies_status_codes(int status, bool transient) =>
        Assert.Equal(transient, StorageResilience.IsTransient(new Azure.RequestFailedException(status, "x")));

    [Fact]
    public void Caller_cancellation_is_not_retried()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.False(StorageResilience.IsTransient(new OperationCanceledException(), cancelled.Token));
        Assert.True(StorageResilience.IsTransient(new TaskCanceledException(), CancellationToken.None));
        Assert.True(StorageResilience.IsTransient(new HttpRequestException("refused")));
        Assert.False(StorageResilience.IsTransient(new InvalidOperationException()));
        Assert.True(StorageResilience.IsTransient(new IOException("connection reset")));
        Assert.False(StorageResilience.IsTransient(new FileNotFoundException("gone")));
        Assert.True(StorageResilience.IsTransient(new AggregateException(new HttpRequestException(), new Azure.RequestFailedException(503, "busy"))));
        Assert.False(StorageResilience.IsTransient(new AggregateException(new HttpRequestException(), new Azure.RequestFailedException(403, "denied"))));
    }

    [Fact]
    public void Service_version_parses_both_spellings()
    {
        var store = new ArtifactStore(new ArtifactStoreOptions
        {
            ConnectionString = AzuriteDefaults.ConnectionString(),
            ServiceVersion = "2025-01-05",
        });
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), store.Endpoint);
        Assert.DoesNotContain("AccountKey", store.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ArtifactStore(new ArtifactStoreOptions
        {
            ConnectionString = AzuriteDefaults.ConnectionString(),
            ServiceVersion = "V1999_01_01",
        }));
    }
}

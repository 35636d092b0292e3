using System.Net;
using MusicClustering.Contracts;

namespace MusicClustering.Storage.Tests;

/// <summary>The report's listening links: a signed URL reads the blob without credentials, and does nothing else.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadUrlTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Read_url_reads_the_blob_without_credentials_and_cannot_write_it()
    {
        var blob = new BlobRef(BlobContainers.Datasets, $"test-{Guid.NewGuid():N}/song.mp3");
        await fixture.Store.UploadAsync(blob, BinaryData.FromBytes([7, 8, 9]), overwrite: true);

        var url = fixture.Store.ReadUrl(blob, TimeSpan.FromHours(24));

        Assert.NotNull(url);
        Assert.Contains("sp=r", url.Query, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(new byte[] { 7, 8, 9 }, await http.GetByteArrayAsync(url));
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent([1]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        var refused = await http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Without_credentials_the_blob_is_not_readable()
    {
        var blob = new BlobRef(BlobContainers.Datasets, $"test-{Guid.NewGuid():N}/song.mp3");
        await fixture.Store.UploadAsync(blob, BinaryData.FromBytes([1]), overwrite: true);
        var url = fixture.Store.ReadUrl(blob, TimeSpan.FromHours(1))!;

        using var http = new HttpClient();
        var plain = await http.GetAsync(new UriBuilder(url) { Query = string.Empty }.Uri);
        Assert.False(plain.IsSuccessStatusCode, $"an unsigned read succeeded: {plain.StatusCode}");
    }
}

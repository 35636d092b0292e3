using System.Text.Json.Nodes;

namespace MusicClustering.Console.Tests;

/// <summary>Issue 14: a representation learned from log-mel patches, asked for with <c>cluster submit --model</c>.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PatchModelTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Submit_with_model_contrastive_trains_on_log_mel_patches_and_clusters_its_embeddings()
    {
        var corpus = await fixture.GenerateAsync("contrastive", perGenre: 3, seconds: 2);
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "contrastive"));

        var result = await fixture.Cli.RunAsync(
            "submit", "--dataset", "contrastive", "--model", "contrastive", "--epochs", "2", "--k", "2", "--no-tsne", "--wait", "--json");

        ConsoleAssert.Succeeded(result);
        var results = Files.Json(result);
        Assert.Equal(6, (int)results["tracks"]!);
        Assert.Equal("contrastive", (string)results["model"]!["type"]!);
        Assert.Equal(64, (int)results["model"]!["latent_dim"]!);
        Assert.Equal(["contrastive", "raw", "pca16"], results["rows"]!.AsArray().Select(r => (string)r!["representation"]!).ToArray());
        Assert.Equal("contrastive-contrastive", (string)results["name"]!);
        Assert.Equal(2, (int)results["model"]!["epochs"]!);
    }

    [Fact]
    public async Task Submit_with_an_unknown_model_names_the_patch_models_in_one_line()
    {
        var result = await fixture.Cli.RunAsync("submit", "--dataset", "whatever", "--model", "conv-gan", "--k", "2", "--wait");
        ConsoleAssert.UserError(result, "model 'conv-gan' is unknown", "conv-vae, contrastive");
    }
}

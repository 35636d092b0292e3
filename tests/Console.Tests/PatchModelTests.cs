using System.Text.Json.Nodes;

namespace MusicClustering.Console.Tests;

/// <summary>Issue 14: a representation learned from log-mel patches, asked for with <c>cluster submit --model</c>.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PatchModelTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Submit_with_model_contrastive_trains_on_log_mel_patches_clusters_its_embeddings_and_assign_places_new_audio_with_its_encoder()
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

        // assign: clips of the library, placed anew through the stored encoder (their log-mel computed by the console),
        // land on their own rows and in their own clusters.
        var clusters = results["clustering"]!["assignments"]!.AsObject().ToDictionary(p => p.Key, p => (int)p.Value!);
        var clips = Files.Clips(corpus).Take(2).ToArray();
        var assigned = await fixture.Cli.RunAsync(["assign", "--experiment", (string)results["id"]!, .. clips, "--json"]);
        ConsoleAssert.Succeeded(assigned);
        var assignments = Files.Json(assigned)["assignments"]!.AsArray();
        Assert.Equal(clips.Length, assignments.Count);
        foreach (var assignment in assignments)
        {
            var track = Path.GetFileNameWithoutExtension((string)assignment!["file"]!);
            var nearest = assignment["neighbours"]!.AsArray()[0]!;
            Assert.Equal(track, (string)nearest["track"]!);
            Assert.True((double)nearest["distance"]! < 1e-3, $"{track} placed {(double)nearest["distance"]!} from its own row");
            Assert.Equal(clusters[track], (int)assignment["cluster"]!);
        }
    }

    [Fact]
    public async Task Submit_with_an_unknown_model_names_the_patch_models_in_one_line()
    {
        var result = await fixture.Cli.RunAsync("submit", "--dataset", "whatever", "--model", "conv-gan", "--k", "2", "--wait");
        ConsoleAssert.UserError(result, "model 'conv-gan' is unknown", "conv-vae, contrastive");
    }
}

using MusicClustering.TestSupport;

namespace MusicClustering.Console.Tests;

/// <summary>Issue 14: <c>cluster submit --model onnx --onnx-model FILE</c> through the real console process.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OnnxSubmitTests(ConsoleFixture fixture)
{
    private const int Mels = 8;

    [Fact]
    public async Task Submit_with_an_onnx_model_clusters_its_embeddings_next_to_the_baselines()
    {
        var corpus = await fixture.GenerateAsync("onnx", perGenre: 3);
        ConsoleAssert.Succeeded(await fixture.Cli.RunAsync("ingest", corpus, "--dataset", "onnx"));
        var folder = fixture.NewFolder("onnx-model");
        var model = Path.Combine(folder, "band-means.onnx");
        var weights = new float[Mels * 2];
        weights[0] = 1;
        weights[((Mels - 1) * 2) + 1] = 1;
        await File.WriteAllBytesAsync(model, TinyOnnxModels.MeanOverFramesThenLinear(Mels, weights, [0, 0]));
        var options = Path.Combine(folder, "options.json");
        await File.WriteAllTextAsync(options, """{ "input": "log-mel", "window_length": 1024, "hop_length": 256, "mels": 8, "patch_length": 10 }""");

        var result = await fixture.Cli.RunAsync(
            "submit", "--dataset", "onnx", "--model", "onnx", "--onnx-model", model, "--onnx-options", options, "--k", "2", "--no-tsne", "--wait", "--json");

        ConsoleAssert.Succeeded(result);
        var results = Files.Json(result);
        Assert.Equal(6, (int)results["tracks"]!);
        Assert.Equal(["onnx", "raw", "pca16"], results["rows"]!.AsArray().Select(r => (string)r!["representation"]!).ToArray());
        var onnx = results["spec"]!["representations"]!.AsArray()[0]!["onnx"]!;
        Assert.Equal("band-means.onnx", (string)onnx["model"]!);
        Assert.Equal(64, ((string)onnx["model_sha256"]!).Length);
    }

    [Fact]
    public async Task A_file_that_is_not_an_onnx_model_is_one_clear_line()
    {
        var folder = fixture.NewFolder("onnx-bad");
        var model = Path.Combine(folder, "broken.onnx");
        await File.WriteAllTextAsync(model, "not a model");

        var result = await fixture.Cli.RunAsync("submit", "--dataset", "any", "--model", "onnx", "--onnx-model", model, "--k", "2", "--wait");

        ConsoleAssert.UserError(result, "onnx model file", "broken.onnx", "cannot be used");
    }

    [Fact]
    public async Task A_missing_model_file_or_unknown_input_is_one_clear_line()
    {
        var missing = await fixture.Cli.RunAsync("submit", "--dataset", "any", "--model", "onnx", "--onnx-model", "/no/such/model.onnx", "--k", "2");
        ConsoleAssert.UserError(missing, "/no/such/model.onnx", "does not exist");

        var folder = fixture.NewFolder("onnx-options");
        var options = Path.Combine(folder, "options.json");
        await File.WriteAllTextAsync(options, """{ "input": "spectrogram", "patch_length": 0 }""");
        var invalid = await fixture.Cli.RunAsync("submit", "--dataset", "any", "--model", "onnx", "--onnx-model", "/no/such/model.onnx", "--onnx-options", options, "--k", "2");
        ConsoleAssert.UserError(invalid, "onnx.input 'spectrogram' is unknown", "log-mel");
    }
}

using System.CommandLine;
using System.Globalization;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Client.Commands;

/// <summary>The experiment flags shared by <c>submit</c>: a spec file, or the spec built from flags.</summary>
public sealed class SpecOptions
{
    public Option<string?> SpecFile { get; } = new("--spec") { Description = "Experiment spec JSON file (flags below then override nothing)." };
    public Option<string?> Dataset { get; } = new("--dataset") { Description = "Dataset to run on (see `cluster ingest`)." };
    public Option<string?> Name { get; } = new("--name") { Description = "Experiment name (default: <dataset>-<model>)." };
    public Option<string> Model { get; } = new("--model") { Description = "vae, beta-vae, pca, tsne, none, conv-vae, contrastive or onnx (with --onnx-model).", DefaultValueFactory = _ => RepresentationModels.Vae };
    public Option<string?> OnnxModel { get; } = new("--onnx-model") { Description = "With --model onnx: an exported ONNX audio encoder (uploaded to the cluster's storage)." };
    public Option<string?> OnnxOptions { get; } = new("--onnx-options") { Description = "With --model onnx: a JSON file of the model's input options (the spec's onnx section, snake_case)." };
    public Option<double> Beta { get; } = new("--beta") { Description = "KL weight (β-VAE when > 1).", DefaultValueFactory = _ => 1.0 };
    public Option<string?> BetaSweep { get; } = new("--beta-sweep") { Description = "Comma-separated βs, one VAE each, e.g. 1,2,4,8." };
    public Option<int> LatentDim { get; } = new("--latent-dim") { Description = "VAE latent (or PCA) dimensions.", DefaultValueFactory = _ => 16 };
    public Option<string> Features { get; } = new("--features") { Description = "Feature config: gtzan57 (default), descriptors, stats, stats+delta or frames:N, optionally with :segment_seconds=S,max_segments=M,max_seconds=L.", DefaultValueFactory = _ => Audio.FeatureConfig.DefaultName };
    public Option<string> Fusion { get; } = new("--fusion") { Description = "Comma-separated: audio, lyrics, hybrid.", DefaultValueFactory = _ => Fusions.Audio };
    public Option<string> Algorithms { get; } = new("--algorithms") { Description = "Comma-separated: kmeans, agglomerative:ward|average|complete|single, dbscan[:eps=E,min_samples=M].", DefaultValueFactory = _ => ClusteringAlgorithmSpec.KMeansName };
    public Option<string> K { get; } = new("--k") { Description = "Number of clusters, or auto (chosen without labels by silhouette, BIC for gmm, over k = 2..20).", DefaultValueFactory = _ => "10" };
    public Option<string> Seeds { get; } = new("--seeds") { Description = "Comma-separated seeds.", DefaultValueFactory = _ => "0" };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 50 };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => 32 };
    public Option<double> LearningRate { get; } = new("--learning-rate") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
    public Option<int> KlWarmup { get; } = new("--kl-warmup") { Description = "Epochs of linear KL warm-up.", DefaultValueFactory = _ => 0 };
    public Option<double> LyricsWeight { get; } = new("--lyrics-weight") { Description = "Weight of the lyric block in hybrid spaces.", DefaultValueFactory = _ => 1.0 };
    public Option<int> SvdComponents { get; } = new("--svd-components") { Description = "Truncated SVD components of the TF-IDF (0 = none).", DefaultValueFactory = _ => 16 };
    public Option<bool> NoBaselines { get; } = new("--no-baselines") { Description = "Leave out the raw and PCA-16 K-Means baselines." };
    public Option<bool> NoTsne { get; } = new("--no-tsne") { Description = "Skip the t-SNE projection." };
    public Option<string?> UpdateFrom { get; } = new("--update-from") { Description = "An earlier experiment on this dataset: refit on the grown dataset and keep its cluster ids (matched by overlap); results.json gains update and drift. Also applies to --spec." };
    public Option<string?> UpdateModel { get; } = new("--update-model") { Description = "With --update-from: refit (the default) or reuse (that run's scaler, representation and centroids: no training, every track takes its nearest centroid's cluster). Also applies to --spec." };

    public IEnumerable<Option> All =>
    [
        SpecFile, Dataset, Name, Model, OnnxModel, OnnxOptions, Beta, BetaSweep, LatentDim, Features, Fusion, Algorithms, K, Seeds,
        Epochs, BatchSize, LearningRate, KlWarmup, LyricsWeight, SvdComponents, NoBaselines, NoTsne, UpdateFrom, UpdateModel,
    ];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    public ExperimentSpec Build(ParseResult parseResult)
    {
        var spec = FromFileOrFlags(parseResult);
        spec = parseResult.GetValue(UpdateFrom) is { } from ? spec with { UpdateFrom = Names.UpdateFrom(from) } : spec;
        spec = parseResult.GetValue(UpdateModel) is { } mode ? spec with { UpdateModel = mode } : spec;
        SpecValidator.Validate(spec);
        return spec;
    }

    private ExperimentSpec FromFileOrFlags(ParseResult parseResult)
    {
        if (parseResult.GetValue(SpecFile) is { } path)
        {
            return File.Exists(path)
                ? ExperimentSpecJson.Load(path)
                : throw new UserErrorException($"spec file '{path}' does not exist; give the path of an experiment spec JSON, or build the spec from flags (--dataset ...).");
        }

        var dataset = parseResult.GetValue(Dataset)
            ?? throw new ArgumentException("--dataset (or --spec) is required.");
        var model = parseResult.GetValue(Model)!;
        var dimensions = parseResult.GetValue(LatentDim);
        var betas = parseResult.GetValue(BetaSweep) is { } sweep ? ParseList(sweep, "--beta-sweep", double.Parse) : [parseResult.GetValue(Beta)];
        var representations = betas
            .Select(beta => new RepresentationSpec(betas.Length > 1 && model == RepresentationModels.Vae && beta != 1 ? RepresentationModels.BetaVae : model, beta, dimensions))
            .ToArray();
        if (parseResult.GetValue(OnnxModel) is { } onnxModel)
        {
            var onnx = OnnxSpecJson.Build(onnxModel, parseResult.GetValue(OnnxOptions));
            representations = [.. representations.Select(r => r.Model == RepresentationModels.Onnx ? r with { Onnx = onnx } : r)];
        }

        var spec = new ExperimentSpec(
            parseResult.GetValue(Name) ?? $"{dataset}-{representations[0].Label}",
            dataset,
            parseResult.GetValue(Features)!,
            representations,
            Split(parseResult.GetValue(Fusion)!),
            Split(parseResult.GetValue(Algorithms)!),
            ParseK(parseResult.GetValue(K)!),
            ParseList(parseResult.GetValue(Seeds)!, "--seeds", int.Parse),
            new TrainingSpec(parseResult.GetValue(Epochs), parseResult.GetValue(BatchSize), parseResult.GetValue(LearningRate), parseResult.GetValue(KlWarmup)),
            new LyricsSpec(SvdComponents: parseResult.GetValue(SvdComponents), Weight: parseResult.GetValue(LyricsWeight)),
            Baselines: !parseResult.GetValue(NoBaselines),
            Tsne: !parseResult.GetValue(NoTsne));
        SpecValidator.Validate(spec);
        return spec;
    }

    private static int ParseK(string text) =>
        text == "auto" ? ExperimentSpec.AutoK
        : int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var k) ? k
        : throw new Errors.UserErrorException($"--k must be a whole number or auto, not '{text}'");

    private static string[] Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static T[] ParseList<T>(string text, string option, Func<string, IFormatProvider, T> parse)
    {
        try
        {
            return Split(text).Select(t => parse(t, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{option} '{text}' must be a comma-separated list of numbers.");
        }
    }
}

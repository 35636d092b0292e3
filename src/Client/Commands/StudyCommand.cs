using System.CommandLine;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Client.Errors;
using MusicClustering.Client.Ingest;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary>
/// <c>cluster study --audio DIR</c>: the study's three tasks and the baselines as one experiment, printed as one table.
/// Easy: VAE + K-Means. Medium: hybrid audio+lyrics with K-Means, agglomerative and DBSCAN. Hard: a β-VAE sweep.
/// <c>--learned conv-vae,contrastive</c> adds the log-mel patch models as rows of their own ("Learned"); they are
/// off by default because on a CPU they train for minutes where the study's VAE takes seconds.
/// </summary>
public static class StudyCommand
{
    public static Command Create()
    {
        var audio = new Option<string>("--audio") { Description = "Folder of audio (labels from <label>.<n> names or sub-folders).", Required = true };
        var lyrics = new Option<string?>("--lyrics") { Description = "Lyrics CSV (track,lyrics). Default: lyrics.csv in the folder, if present." };
        var k = new Option<int?>("--k") { Description = "Number of clusters (default: the number of labels, else 10)." };
        var betas = new Option<string>("--betas") { Description = "β sweep for the Hard task.", DefaultValueFactory = _ => "2,4,8" };
        var epochs = new Option<int>("--epochs") { Description = "VAE epochs.", DefaultValueFactory = _ => 50 };
        var features = new Option<string>("--features") { Description = "Feature config (stats, stats+delta, frames:N, gtzan57, descriptors).", DefaultValueFactory = _ => Audio.FeatureConfig.DefaultName };
        var seed = new Option<int>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 0 };
        var learned = new Option<string>("--learned")
        {
            Description = $"Also run these patch models as rows of their own, comma-separated ({string.Join(", ", PatchRepresentationModels.All)}).",
            DefaultValueFactory = _ => "",
        };
        var json = new Option<bool>("--json") { Description = "Print the full results.json instead of the table." };
        var command = new Command("study", "Reproduce the study: Easy, Medium and Hard tasks plus baselines, in one table.")
        {
            audio, lyrics, k, betas, epochs, features, seed, learned, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetValue(audio)!;
            var learnedModels = parseResult.GetValue(learned)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (learnedModels.FirstOrDefault(m => !PatchRepresentationModels.Contains(m)) is { } unknown)
            {
                throw new UserErrorException($"--learned: unknown patch model '{unknown}' (known: {string.Join(", ", PatchRepresentationModels.All)})");
            }

            var scan = IngestCommand.Scan(folder);
            var lyricsPath = IngestCommand.LyricsPath(folder, parseResult.GetValue(lyrics));
            var labels = scan.Tracks.Select(t => t.Label).Distinct().Count(l => l is not null);
            var spec = BuildSpec(
                Names.Dataset(IngestCommand.DefaultDatasetName(folder)),
                parseResult.GetValue(k) ?? (labels >= 2 ? labels : 10),
                parseResult.GetValue(betas)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => double.Parse(b, System.Globalization.CultureInfo.InvariantCulture)),
                parseResult.GetValue(epochs),
                parseResult.GetValue(features)!,
                parseResult.GetValue(seed),
                lyricsPath is not null,
                learnedModels);

            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var report = await IngestCommand.IngestAsync(session, spec.Dataset, scan, lyricsPath, Ingest.LabelRule.Default, null, prune: false, cancellationToken);
            IngestOutput.Write(CliContext.Status, report);
            var id = ExperimentIds.New(spec.Name);
            var experiment = session.Client.GetGrain<IExperimentGrain>(id);
            await experiment.StartAsync(spec, cancellationToken);
            CliContext.Status.MarkupLine($"experiment [bold]{Markup.Escape(id)}[/]");
            var status = await ExperimentFollower.FollowAsync(CliContext.Status, experiment, cancellationToken);
            if (status.Stage != ExperimentStage.Done)
            {
                return await ResultsCommand.PrintAsync(session.Store, status, json: false, cancellationToken);
            }

            var (text, results) = await ResultsReader.ReadAsync(session.Store, status.Results!, cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(text);
            }
            else
            {
                ResultsView.Write(CliContext.Status, results, Task);
            }

            return 0;
        });
        return command;
    }

    public static ExperimentSpec BuildSpec(
        string dataset, int k, IEnumerable<double> betas, int epochs, string features, int seed, bool hasLyrics, IReadOnlyList<string>? learned = null)
    {
        RepresentationSpec[] representations =
        [
            new(RepresentationModels.Vae),
            .. betas.Select(b => new RepresentationSpec(RepresentationModels.BetaVae, b)),
            .. (learned ?? []).Select(model => new RepresentationSpec(model)),
        ];
        return new ExperimentSpec(
            $"study-{dataset}",
            dataset,
            features,
            representations,
            hasLyrics ? [Fusions.Audio, Fusions.Hybrid] : [Fusions.Audio],
            [ClusteringAlgorithmSpec.KMeansName, ClusteringAlgorithmSpec.AgglomerativeWard, ClusteringAlgorithmSpec.DbscanName],
            k,
            [seed],
            new TrainingSpec(epochs));
    }

    /// <summary>Which of the study's tasks a row belongs to.</summary>
    public static string? Task(MetricRow row) => row switch
    {
        { Baseline: true } => "baseline",
        { Representation: RepresentationModels.Vae, Fusion: Fusions.Audio, Algorithm: ClusteringAlgorithmSpec.KMeansName } => "Easy",
        { Fusion: Fusions.Hybrid } => "Medium",
        { Representation: RepresentationModels.Vae, Fusion: Fusions.Audio } => "Medium (audio only)",
        _ when PatchRepresentationModels.All.Any(m => row.Representation.StartsWith(m, StringComparison.Ordinal)) && row.Fusion == Fusions.Audio => "Learned",
        _ when row.Representation.StartsWith(RepresentationModels.BetaVae, StringComparison.Ordinal) && row.Algorithm == ClusteringAlgorithmSpec.KMeansName => "Hard",
        _ => null,
    };
}

using System.CommandLine;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Client.Errors;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary>
/// <c>cluster evaluate --csv FILE</c>: the experiment pipeline on a precomputed features table, in-process. Labels are
/// used only to score the clusters, never to fit anything.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var csv = new Option<string>("--csv") { Description = "Features table (CSV with a header).", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "Column holding the track id.", DefaultValueFactory = _ => "filename" };
        var labelColumn = new Option<string?>("--label-column") { Description = "Column holding the label (for ARI/NMI/accuracy only)." };
        var exclude = new Option<string>("--exclude-columns") { Description = "Comma-separated metadata columns that are not features.", DefaultValueFactory = _ => "length" };
        var model = new Option<string>("--model") { Description = "vae, beta-vae, pca or none.", DefaultValueFactory = _ => RepresentationModels.Vae };
        var beta = new Option<double>("--beta") { Description = "KL weight.", DefaultValueFactory = _ => 1.0 };
        var dimensions = new Option<int>("--latent-dim") { Description = "Latent (or PCA) dimensions.", DefaultValueFactory = _ => 16 };
        var k = new Option<int>("--k") { Description = "Number of clusters.", DefaultValueFactory = _ => 10 };
        var algorithms = new Option<string>("--algorithms") { Description = "Comma-separated algorithms.", DefaultValueFactory = _ => "kmeans,agglomerative:ward,dbscan" };
        var epochs = new Option<int>("--epochs") { Description = "VAE epochs.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 0 };
        var logSkewed = new Option<bool>("--log-skewed") { Description = "Log-compress strictly positive columns with skewness > 1 (variances, energies) before anything else." };
        var noTsne = new Option<bool>("--no-tsne") { Description = "Skip the t-SNE projection." };
        var json = new Option<bool>("--json") { Description = "Print results.json to stdout." };
        var command = new Command("evaluate", "Run the pipeline on a precomputed features table, in-process.")
        {
            csv, idColumn, labelColumn, exclude, model, beta, dimensions, k, algorithms, epochs, seed, logSkewed, noTsne, json,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(csv)!;
            try
            {
                var table = FeatureTable.Load(
                    path,
                    parseResult.GetValue(idColumn)!,
                    parseResult.GetValue(labelColumn),
                    parseResult.GetValue(exclude)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                var spec = new ExperimentSpec(
                    $"evaluate-{Path.GetFileNameWithoutExtension(path)}",
                    Path.GetFileNameWithoutExtension(path),
                    "csv",
                    [new RepresentationSpec(parseResult.GetValue(model)!, parseResult.GetValue(beta), parseResult.GetValue(dimensions))],
                    [Fusions.Audio],
                    parseResult.GetValue(algorithms)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    parseResult.GetValue(k),
                    [parseResult.GetValue(seed)],
                    new TrainingSpec(parseResult.GetValue(epochs)),
                    Tsne: !parseResult.GetValue(noTsne));
                CliContext.Status.MarkupLine($"[grey]{table.Rows} rows × {table.Cols} features from {Markup.Escape(path)}[/]");
                if (parseResult.GetValue(logSkewed))
                {
                    var logged = SkewedColumns.LogCompress(table.Data, table.Rows, table.Cols);
                    CliContext.Status.MarkupLine($"[grey]log-compressed {logged.Count} skewed columns[/]");
                }

                var (results, _) = TableEvaluation.Run(table, spec, cancellationToken);
                if (parseResult.GetValue(json))
                {
                    Console.WriteLine(ResultsJson.Serialize(results));
                }
                else
                {
                    ResultsView.Write(CliContext.Status, results);
                }

                return Task.FromResult(0);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                // The CSV could not be read: the user's file, not an outage. Missing paths, format and argument errors are
                // user errors in the reporter already.
                throw new UserErrorException(ex.Message, ex);
            }
        });
        return command;
    }
}

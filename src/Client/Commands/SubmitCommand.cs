using System.CommandLine;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster submit</c>: starts an experiment and prints its id, or with <c>--wait</c> its results.</summary>
public static class SubmitCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset to run on (see `cluster ingest`).", Required = true };
        var name = new Option<string?>("--name") { Description = "Experiment name (default: <dataset>-<model>-kmeans)." };
        var model = new Option<string>("--model") { Description = "vae, beta-vae or none.", DefaultValueFactory = _ => "vae" };
        var features = new Option<string>("--features") { Description = "Feature config: stats, stats+delta or frames:N.", DefaultValueFactory = _ => "stats" };
        var k = new Option<int>("--k") { Description = "Number of K-Means clusters.", DefaultValueFactory = _ => 10 };
        var latent = new Option<int>("--latent-dim") { Description = "VAE latent dimensions.", DefaultValueFactory = _ => 16 };
        var beta = new Option<double>("--beta") { Description = "KL weight (β-VAE when > 1).", DefaultValueFactory = _ => 1.0 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 50 };
        var batch = new Option<int>("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => 32 };
        var learningRate = new Option<double>("--learning-rate") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
        var seed = new Option<int>("--seed") { Description = "Seed for training and K-Means.", DefaultValueFactory = _ => 0 };
        var id = new Option<string?>("--id") { Description = "Experiment id (default: generated)." };
        var wait = new Option<bool>("--wait") { Description = "Block until the experiment ends and print its results." };
        var json = new Option<bool>("--json") { Description = "With --wait, print results.json to stdout." };
        var command = new Command("submit", "Start an experiment: features, VAE, K-Means, metrics.")
        {
            dataset, name, model, features, k, latent, beta, epochs, batch, learningRate, seed, id, wait, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var datasetName = parseResult.GetValue(dataset)!;
            var modelName = parseResult.GetValue(model)!;
            var spec = new ExperimentSpec(
                parseResult.GetValue(name) ?? $"{datasetName}-{modelName}-kmeans",
                datasetName,
                parseResult.GetValue(features)!,
                modelName,
                parseResult.GetValue(latent),
                parseResult.GetValue(beta),
                parseResult.GetValue(epochs),
                parseResult.GetValue(k),
                parseResult.GetValue(seed),
                parseResult.GetValue(batch),
                parseResult.GetValue(learningRate));
            var experimentId = parseResult.GetValue(id) ?? ExperimentIds.New(spec.Name);

            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var experiment = session.Client.GetGrain<IExperimentGrain>(experimentId);
            var status = await experiment.StartAsync(spec, cancellationToken);
            var shouldWait = parseResult.GetValue(wait);
            if (!shouldWait && session.IsEmbedded)
            {
                // The embedded silo lives only as long as this process, so leaving now would abandon the run.
                CliContext.Status.MarkupLine("[grey]embedded mode runs the experiment in this process: waiting for it[/]");
                shouldWait = true;
            }

            if (!shouldWait)
            {
                Console.WriteLine(experimentId);
                return 0;
            }

            CliContext.Status.MarkupLine($"experiment [bold]{Markup.Escape(experimentId)}[/]");
            status = await ExperimentFollower.FollowAsync(CliContext.Status, experiment, cancellationToken);
            return await ResultsCommand.PrintAsync(session.Store, status, parseResult.GetValue(json), cancellationToken);
        });
        return command;
    }
}

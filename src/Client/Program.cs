using System.CommandLine;
using MusicClustering.Client.Commands;

var root = new RootCommand("cluster: unsupervised clustering of music on an Orleans cluster.")
{
    CliContext.Gateway,
    CliContext.Verbose,
};
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(ResultsCommand.Create());
root.Subcommands.Add(ExperimentsCommand.Create());
root.Subcommands.Add(CancelCommand.Create());
root.Subcommands.Add(StopCommand.Create());
root.Subcommands.Add(FeaturesCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(StudyCommand.Create());
root.Subcommands.Add(MusicClustering.Client.Commands.Library.DatasetsCommand.Create());
root.Subcommands.Add(MusicClustering.Client.Commands.Library.TracksCommand.Create());
root.Subcommands.Add(MusicClustering.Client.Commands.Library.SimilarCommand.Create());
root.Subcommands.Add(MusicClustering.Client.Commands.Library.AssignCommand.Create());
root.Subcommands.Add(MusicClustering.Client.Commands.Library.PlaylistsCommand.Create());
root.Subcommands.Add(MusicClustering.Client.Commands.Bench.BenchCommand.Create());

return await CommandRunner.RunAsync(root, args);

using System.CommandLine;
using MusicClustering.Client.Commands;

var root = new RootCommand("cluster: unsupervised clustering of music on an Orleans cluster.")
{
    CliContext.Gateway,
};
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(ResultsCommand.Create());

return await root.Parse(args).InvokeAsync();

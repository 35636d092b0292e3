using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MusicClustering.Analysis.Tests")]

using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MusicClustering.Learning.Tests")]
